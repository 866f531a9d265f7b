import type { Directory } from '../directory';
import type { ApprovalAmount } from './conversion';
import { checkDecisionRules } from './decision';
import { prefetchChain, runOnDirectory, runOnSnapshot } from './lookup';
import { nextApproverRules } from './next-approver';
import { resolveRules } from './resolution';
import type {
  ApprovalPreview,
  ApprovalRecord,
  ApprovalRequest,
  ApprovalResolution,
  DecisionCheck,
  NextApproval,
  OrgSnapshot,
} from './types';

/** The whole approval of a request over an org snapshot: self-approved, a chain, the fallback, or no approver. */
export function resolveApproval(request: ApprovalRequest, org: OrgSnapshot): ApprovalResolution {
  return runOnSnapshot(resolveRules(request, org.version), org).resolution;
}

/** resolveApproval reading the org chart through the port, one person at a time along the chain. */
export async function resolveApprovalAsync(
  request: ApprovalRequest,
  directory: Directory,
): Promise<ApprovalResolution> {
  const [version, prefetched] = await Promise.all([
    directory.version(),
    prefetchChain(directory, request.requesterId),
  ]);
  return (await runOnDirectory(resolveRules(request, version), directory, prefetched)).resolution;
}

/** "Who would approve?": the resolution plus every person considered, with the reason for each. */
export function previewApproval(request: ApprovalRequest, org: OrgSnapshot): ApprovalPreview {
  return runOnSnapshot(resolveRules(request, org.version), org);
}

export async function previewApprovalAsync(
  request: ApprovalRequest,
  directory: Directory,
): Promise<ApprovalPreview> {
  const [version, prefetched] = await Promise.all([
    directory.version(),
    prefetchChain(directory, request.requesterId),
  ]);
  return runOnDirectory(resolveRules(request, version), directory, prefetched);
}

/**
 * The next approver given the approvals so far (oldest first), from the org
 * chart as it is now. With no approvals yet, this is the first step (or the
 * self-approval, the fallback, or no-approver).
 */
export function nextApprover(
  request: ApprovalRequest,
  org: OrgSnapshot,
  decisionsSoFar: readonly ApprovalRecord[] = request.alreadyApproved ?? [],
): NextApproval {
  return runOnSnapshot(nextApproverRules(request, decisionsSoFar, org.version), org);
}

export async function nextApproverAsync(
  request: ApprovalRequest,
  directory: Directory,
  decisionsSoFar: readonly ApprovalRecord[] = request.alreadyApproved ?? [],
): Promise<NextApproval> {
  const [version, prefetched] = await Promise.all([
    directory.version(),
    prefetchChain(directory, request.requesterId),
  ]);
  return runOnDirectory(nextApproverRules(request, decisionsSoFar, version), directory, prefetched);
}

/** The re-check of the acting approver's authority at the moment they approve. */
export function checkDecision(
  decision: ApprovalRecord,
  amount: ApprovalAmount,
  org: OrgSnapshot,
): DecisionCheck {
  return runOnSnapshot(checkDecisionRules(decision, amount, org.version), org);
}

export async function checkDecisionAsync(
  decision: ApprovalRecord,
  amount: ApprovalAmount,
  directory: Directory,
): Promise<DecisionCheck> {
  return runOnDirectory(checkDecisionRules(decision, amount, await directory.version()), directory);
}
