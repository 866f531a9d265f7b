import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalDecisions, tasks } from '@/db/schema';
import type { Json } from '@/engine';
import { namesByEmail, nameOf } from './person-names';
import type { ApprovalRequestData } from './templates/approval-request';

export type TaskRow = typeof tasks.$inferSelect;

const text = (value: Json | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;

/** Request fields shown beside the amount when the process has them (the demo form's keys). */
const KEY_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['justification', 'Justification'],
  ['description', 'Description'],
  ['costCenter', 'Cost center'],
  ['supplier', 'Supplier'],
];

/**
 * What an approval mail or link page says about a task, read when it is sent
 * or opened rather than when the task was created: the chain so far is then
 * complete, and the outbox row only needs the task's id.
 */
export async function loadApprovalSummary(
  db: Database,
  taskId: string,
): Promise<{ task: TaskRow; summary: ApprovalRequestData } | null> {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId)).limit(1);
  if (!task) return null;
  const decisions = await db
    .select()
    .from(approvalDecisions)
    .where(and(eq(approvalDecisions.instanceId, task.instanceId), eq(approvalDecisions.elementId, task.elementId)))
    .orderBy(asc(approvalDecisions.decidedAt));
  const details = task.details;
  const requester = text(details['requester']) ?? '';
  const names = await namesByEmail(db, [
    requester,
    task.assignee ?? '',
    ...decisions.map((decision) => decision.approver),
  ]);
  const variables = task.variables;
  const step = typeof details['step'] === 'number' ? details['step'] : 1;
  const steps = typeof details['steps'] === 'number' ? details['steps'] : null;
  const fields: Array<[string, string]> = [];
  for (const [key, label] of KEY_FIELDS) {
    const value = text(variables[key]);
    if (value) fields.push([label, value]);
  }
  const requestedAmount = text(details['requestedAmount']);
  const amount = text(details['amount']) ?? '';
  if (requestedAmount && requestedAmount !== amount) fields.unshift(['Requested amount', requestedAmount]);
  return {
    task,
    summary: {
      taskId: task.id,
      instanceId: task.instanceId,
      title: text(variables['title']) ?? text(details['title']) ?? task.name ?? 'Approval',
      amount,
      requester,
      requesterName: text(details['requesterName']) ?? nameOf(names, requester),
      approverName: task.assignee ? nameOf(names, task.assignee) : null,
      onBehalfOfName: text(details['onBehalfOfName']),
      step,
      steps: steps !== null && steps >= step ? steps : null,
      reason: text(details['reason']),
      fields,
      chain: decisions
        .filter((decision) => decision.channel !== 'auto')
        .map((decision) => ({
          name: nameOf(names, decision.approver),
          decision: decision.decision,
          channel: decision.channel,
          at: decision.decidedAt.toISOString(),
        })),
    },
  };
}
