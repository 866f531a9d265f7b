import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalLinkTokens } from '@/db/schema';
import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import { loadTaskActor } from '@/lib/groups/load-task-actor';
import { decideTask } from '@/lib/tasks/decide-task';
import type { TaskActor } from '@/lib/tasks/task-actor';
import { inspectApprovalLink, type LinkState } from './inspect-approval-link';

export type LinkDecisionOutcome =
  | { status: 'decided'; decision: 'approve' | 'reject'; state: Extract<LinkState, { status: 'open' }> }
  /** Nothing was decided; `state` says what the link is now. */
  | { status: 'refused'; httpStatus: number; message: string; state: LinkState; notYours?: boolean }
  /** The input needs fixing (a rejection without a comment): the form is shown again. */
  | { status: 'invalid'; field: 'comment'; message: string; state: Extract<LinkState, { status: 'open' }> };

export interface LinkDecisionInput {
  token: string;
  comment: string;
  /** Email of the account the browser is signed in as, if any. */
  signedInEmail: string | null;
  now: Date;
}

/**
 * Decides the task of an approval link, from the link page's POST. The token
 * alone authorizes its approver; a browser signed in as somebody else is
 * refused so that a forwarded link never decides for another person. The link
 * is claimed first (single use even against two clicks at once), the decision
 * goes through decideTask like every other channel, and a lost race or a
 * refusal gives the claim back and says why.
 */
export async function decideByLink(
  deps: { db: Database; engine: Engine },
  input: LinkDecisionInput,
): Promise<LinkDecisionOutcome> {
  const state = await inspectApprovalLink(deps.db, input.token, input.now);
  if (state.status === 'malformed') return refused(400, 'This link is not valid.', state);
  if (state.status === 'unknown') return refused(404, 'There is no such approval link.', state);
  if (state.status === 'void') return refused(409, state.message, state);

  const { link } = state;
  if (input.signedInEmail && input.signedInEmail.toLowerCase() !== link.approver) {
    return { status: 'refused', httpStatus: 403, message: `This link belongs to ${state.approverName}.`, state, notYours: true };
  }
  const comment = input.comment.trim();
  if (link.decision === 'reject' && comment === '') {
    return { status: 'invalid', field: 'comment', message: 'Say why you reject the request.', state };
  }

  const claimed = await deps.db
    .update(approvalLinkTokens)
    .set({ usedAt: input.now })
    .where(and(eq(approvalLinkTokens.id, link.id), isNull(approvalLinkTokens.usedAt), isNull(approvalLinkTokens.voidedAt)))
    .returning({ id: approvalLinkTokens.id });
  if (claimed.length === 0) return refusedAsItIsNow(deps.db, input);

  try {
    await decideTask(deps, {
      taskId: link.taskId,
      actor: await actorOf(deps.db, link.approver),
      channel: 'email',
      decision: link.decision,
      comment: comment === '' ? null : comment,
    });
  } catch (error) {
    await deps.db
      .update(approvalLinkTokens)
      .set({ usedAt: null })
      .where(eq(approvalLinkTokens.id, link.id));
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'conflict') return refusedAsItIsNow(deps.db, input, error.message);
    if (error.field === 'comment') return { status: 'invalid', field: 'comment', message: error.message, state };
    return refused(error.status, error.message, state);
  }

  // The other link of the same mail (and any older mail's) dies with the decision.
  await deps.db
    .update(approvalLinkTokens)
    .set({ voidedAt: input.now, voidReason: 'decided' })
    .where(and(eq(approvalLinkTokens.taskId, link.taskId), isNull(approvalLinkTokens.usedAt), isNull(approvalLinkTokens.voidedAt)));
  return { status: 'decided', decision: link.decision, state };
}

function refused(httpStatus: number, message: string, state: LinkState): LinkDecisionOutcome {
  return { status: 'refused', httpStatus, message, state };
}

async function refusedAsItIsNow(db: Database, input: LinkDecisionInput, fallback?: string): Promise<LinkDecisionOutcome> {
  const now = await inspectApprovalLink(db, input.token, input.now);
  if (now.status === 'void') return refused(409, now.message, now);
  return refused(409, fallback ?? 'This link was just used; reload the page.', now);
}

/** The approver as the inbox would see them: their role and their group memberships. */
async function actorOf(db: Database, email: string): Promise<TaskActor> {
  const actor = await loadTaskActor(db, email);
  return actor ? { ...actor, email } : { email, role: 'member', groups: [] };
}
