import type { Lookup } from './lookup';
import { resolveRules } from './resolution';
import type { ApprovalRecord, ApprovalRequest, NextApproval } from './types';

/**
 * The next step only, given the approvals so far: the same rules as a full
 * resolution, run over the org chart as it is now, and the first step that
 * has not approved yet. Called when the approval starts and after every
 * approval that counts but is not final.
 */
export function* nextApproverRules(
  request: ApprovalRequest,
  decisionsSoFar: readonly ApprovalRecord[],
  orgVersion: string,
): Lookup<NextApproval> {
  const fallbackApproval = decisionsSoFar.find((record) => record.asFallback);
  if (fallbackApproval) {
    return {
      outcome: 'complete',
      orgVersion,
      reasons: [
        `The fallback approver (id "${fallbackApproval.approverId}") approved; the approval is complete.`,
      ],
    };
  }
  const { resolution } = yield* resolveRules(
    { ...request, alreadyApproved: decisionsSoFar },
    orgVersion,
  );
  if (resolution.outcome !== 'chain') return resolution;
  const step = resolution.steps.find((candidate) => candidate.status === 'pending');
  if (!step) {
    return {
      outcome: 'complete',
      orgVersion,
      reasons: [
        ...resolution.reasons,
        'Every step of the chain has approved; the approval is complete.',
      ],
    };
  }
  return {
    outcome: 'next',
    step,
    skipped: resolution.skipped,
    orgVersion,
    reasons: resolution.reasons,
  };
}
