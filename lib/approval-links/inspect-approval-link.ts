import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalDecisions, approvalLinkTokens, processInstances, tasks, type ApprovalLinkToken } from '@/db/schema';
import { loadApprovalSummary, type TaskRow } from '@/lib/mail/load-approval-summary';
import { formatInstant } from '@/lib/mail/templates/layout';
import { namesByEmail, nameOf } from '@/lib/mail/person-names';
import type { ApprovalRequestData } from '@/lib/mail/templates/approval-request';
import { hashLinkToken, isWellFormedLinkToken } from './token';

export type VoidReason = 'decided' | 'used' | 'expired' | 'reassigned' | 'escalated' | 'cancelled';

export type LinkState =
  /** Not a token at all (tampered, truncated): 400. */
  | { status: 'malformed' }
  /** Well-formed but no such link: 404. */
  | { status: 'unknown' }
  | { status: 'open'; link: ApprovalLinkToken; task: TaskRow; summary: ApprovalRequestData; approverName: string }
  | {
      status: 'void';
      reason: VoidReason;
      /** Exactly why, for the person holding the link: "Already approved by Mia Moreno via inbox at …". */
      message: string;
      link: ApprovalLinkToken;
      summary: ApprovalRequestData | null;
      approverName: string;
    };

/**
 * What an approval link can do now. A link works only while its task is open
 * and still assigned to the link's approver, the link is unused and unexpired;
 * this is read from the task every time, so a decision in the inbox, a
 * reassignment, an escalation or a cancellation voids it at that moment.
 */
export async function inspectApprovalLink(db: Database, token: string, now: Date): Promise<LinkState> {
  if (!isWellFormedLinkToken(token)) return { status: 'malformed' };
  const [link] = await db
    .select()
    .from(approvalLinkTokens)
    .where(eq(approvalLinkTokens.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!link) return { status: 'unknown' };
  const loaded = await loadApprovalSummary(db, link.taskId);
  const names = await namesByEmail(db, [link.approver]);
  const approverName = nameOf(names, link.approver);
  const voided = (reason: VoidReason, message: string): LinkState => ({
    status: 'void',
    reason,
    message,
    link,
    summary: loaded?.summary ?? null,
    approverName,
  });
  if (!loaded) return voided('cancelled', 'This request no longer exists.');
  const { task, summary } = loaded;

  if (task.status === 'completed') return voided('decided', await decidedMessage(db, task));
  if (task.status === 'cancelled') return cancelledState(db, task, voided);
  if (link.usedAt) return voided('used', `This link was already used on ${formatInstant(link.usedAt)}.`);
  if (!task.assignee || task.assignee.toLowerCase() !== link.approver) {
    const to = task.assignee ? nameOf(await namesByEmail(db, [task.assignee]), task.assignee) : 'a group queue';
    return voided('reassigned', `This task was reassigned to ${to}; this link no longer works.`);
  }
  if (link.expiresAt.getTime() <= now.getTime()) {
    return voided('expired', `This link expired on ${formatInstant(link.expiresAt)}. Open the task in Baton to decide.`);
  }
  return { status: 'open', link, task, summary, approverName };
}

/** "Already approved by Mia Moreno via inbox at Mar 10, 2025, 10:42 UTC." */
async function decidedMessage(db: Database, task: TaskRow): Promise<string> {
  const [decision] = await db
    .select()
    .from(approvalDecisions)
    .where(eq(approvalDecisions.taskId, task.id))
    .orderBy(desc(approvalDecisions.decidedAt))
    .limit(1);
  const by = decision?.approver ?? task.completedBy;
  const at = decision?.decidedAt ?? task.completedAt;
  const name = nameOf(await namesByEmail(db, [by ?? '']), by);
  const verb = decision ? (decision.decision === 'approve' ? 'approved' : 'rejected') : 'decided';
  const via = decision ? ` via ${decision.channel}` : '';
  return `Already ${verb} by ${name}${via}${at ? ` at ${formatInstant(at)}` : ''}.`;
}

async function cancelledState(
  db: Database,
  task: TaskRow,
  voided: (reason: VoidReason, message: string) => LinkState,
): Promise<LinkState> {
  // An escalation cancels the task and opens the same step for the next manager up.
  const [successor] = await db
    .select({ assignee: tasks.assignee })
    .from(tasks)
    .where(
      and(
        eq(tasks.instanceId, task.instanceId),
        eq(tasks.elementId, task.elementId),
        sql`lower(${tasks.details} ->> 'escalatedFrom') = lower(${task.assignee ?? ''})`,
        sql`${tasks.details} -> 'step' = ${JSON.stringify(task.details['step'] ?? null)}::jsonb`,
      ),
    )
    .orderBy(desc(tasks.createdAt))
    .limit(1);
  if (successor) {
    const to = nameOf(await namesByEmail(db, [successor.assignee ?? '']), successor.assignee);
    return voided('escalated', `This task was escalated to ${to}; this link no longer works.`);
  }
  const [instance] = await db
    .select({ status: processInstances.status })
    .from(processInstances)
    .where(eq(processInstances.id, task.instanceId))
    .limit(1);
  if (instance?.status === 'terminated') return voided('cancelled', 'This request was cancelled.');
  if (instance?.status === 'completed') return voided('cancelled', 'This request has ended (it expired or was closed) without this decision.');
  return voided('cancelled', 'This task was cancelled; this link no longer works.');
}
