import { nameOf, type ResolutionContext } from './context';
import { assignTask } from './delegation';
import type { Lookup } from './lookup';
import type { ChainGap, FallbackGap, FallbackResolution, NoApprover, SkippedPerson } from './types';

/**
 * When the chain cannot produce an approver, the task goes to the configured
 * fallback, never to an automatic approval. The fallback obeys the same
 * rules as the chain: not the requester, nobody twice, not inactive, and
 * their delegate stands in for them. Without a usable fallback the result is
 * no-approver, which the engine raises as an incident naming the gap.
 */
export function* resolveFallback(
  ctx: ResolutionContext,
  orgVersion: string,
  cause: ChainGap,
  causeReason: string,
  skipped: SkippedPerson[],
): Lookup<FallbackResolution | NoApprover> {
  const { requesterId, fallbackApprover } = ctx.request;
  ctx.note(null, 'end', causeReason);
  const noApprover = (fallbackGap: FallbackGap, why: string): NoApprover => {
    const gap = `No approver: ${why}`;
    ctx.note(null, 'end', gap);
    return {
      outcome: 'no-approver',
      cause,
      fallbackGap,
      reason: `${causeReason} ${gap}`,
      skipped,
      orgVersion,
      reasons: ctx.reasons,
    };
  };
  if (!fallbackApprover) {
    return noApprover(
      'none-configured',
      'no fallback approver is configured for this approval. Configure one, or fix the org chart.',
    );
  }
  if (fallbackApprover.kind === 'group') {
    const excludeIds = [...new Set([requesterId, ...ctx.approvedIds])];
    const why = `The task goes to the fallback group "${fallbackApprover.id}"; the requester and anyone who already approved may not claim it.`;
    ctx.note(null, 'fallback', why, fallbackApprover.id);
    return {
      outcome: 'fallback',
      approver: { kind: 'group', id: fallbackApprover.id, excludeIds },
      cause,
      reason: `${causeReason} ${why}`,
      skipped,
      orgVersion,
      reasons: ctx.reasons,
    };
  }
  const person = yield* ctx.read(fallbackApprover.id);
  if (!person) {
    return noApprover(
      'person-unknown',
      `the fallback approver (id "${fallbackApprover.id}") is not in the org chart.`,
    );
  }
  if (!person.active) {
    return noApprover('person-inactive', `the fallback approver ${nameOf(person)} is inactive.`);
  }
  if (person.id === requesterId) {
    return noApprover(
      'person-is-requester',
      `the fallback approver ${nameOf(person)} is the requester, and nobody approves their own request.`,
    );
  }
  if (ctx.approvedIds.has(person.id)) {
    return noApprover(
      'person-already-approved',
      `the fallback approver ${nameOf(person)} already approved this request, and nobody approves twice.`,
    );
  }
  const assignment = yield* assignTask(ctx, person, ctx.approvedIds);
  const why = `The task goes to the fallback approver ${nameOf(person)}.`;
  ctx.note(person, 'fallback', why);
  if (assignment.note) {
    const delegate = assignment.onBehalfOfId ? yield* ctx.read(assignment.approverId) : null;
    ctx.note(delegate ?? person, delegate ? 'delegate' : 'fallback', assignment.note);
  }
  return {
    outcome: 'fallback',
    approver: { kind: 'person', id: assignment.approverId, onBehalfOfId: assignment.onBehalfOfId },
    cause,
    reason: [causeReason, why, assignment.note].filter(Boolean).join(' '),
    skipped,
    orgVersion,
    reasons: ctx.reasons,
  };
}
