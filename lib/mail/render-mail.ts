import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { approvalDecisions, groups, processDefinitions, processInstances, tasks } from '@/db/schema';
import type { MailRecord } from '@/engine';
import { issueApprovalLinks } from '@/lib/approval-links/issue-approval-links';
import { loadApprovalSummary } from './load-approval-summary';
import type { OutgoingMail } from './message';
import { namesByEmail, nameOf } from './person-names';
import { renderTaskCommentMail } from './render-task-comment';
import { renderApprovalOutcome } from './templates/approval-outcome';
import { renderApprovalRequest, type ApprovalMailVariant } from './templates/approval-request';
import { renderRequestCancelled } from './templates/request-cancelled';
import { renderApprovalQueued } from './templates/approval-queued';
import { createDirectory } from '@/lib/directory';
import { messageIdFor } from './transport';

export interface RenderContext {
  db: Database;
  baseUrl: string;
  linkTtlHours: number;
  now: Date;
}

/** A mail that can never be sent as it is: retrying would not help, so it fails at once. */
export class UnsendableMail extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsendableMail';
  }
}

type Renderer = (mail: MailRecord, context: RenderContext) => Promise<OutgoingMail>;

const approvalData = z.object({ taskId: z.string().min(1) });
const outcomeData = z.object({
  instanceId: z.string().min(1),
  /** The approval task's element; the latest decided approval of the instance when absent. */
  elementId: z.string().min(1).nullish(),
  approved: z.boolean(),
});

function parse<S extends z.ZodType>(schema: S, mail: MailRecord): z.output<S> {
  const parsed = schema.safeParse(mail.data);
  if (!parsed.success) {
    throw new UnsendableMail(`Expected the data of a '${mail.kind}' mail to be valid, but: ${parsed.error.issues[0]?.message ?? 'it is not'}`);
  }
  return parsed.data;
}

function approvalRenderer(variant: ApprovalMailVariant): Renderer {
  return async (mail, context) => {
    const { taskId } = parse(approvalData, mail);
    const loaded = await loadApprovalSummary(context.db, taskId);
    if (!loaded) throw new UnsendableMail(`Expected task ${taskId} to exist, but it does not`);
    const { task, summary } = loaded;
    if (task.status !== 'open') {
      throw new UnsendableMail(`Not sent: task ${taskId} was already ${task.status} before its mail went out`);
    }
    if (!task.assignee || task.assignee.toLowerCase() !== mail.to.toLowerCase()) {
      throw new UnsendableMail(`Not sent: task ${taskId} is no longer assigned to ${mail.to}`);
    }
    const links = await issueApprovalLinks(context.db, {
      taskId,
      instanceId: task.instanceId,
      approver: mail.to,
      mailId: mail.id,
      baseUrl: context.baseUrl,
      ttlHours: context.linkTtlHours,
      now: context.now,
    });
    const rendered = renderApprovalRequest(
      summary,
      { approve: links.approve, reject: links.reject, task: `${context.baseUrl}/tasks/${encodeURIComponent(taskId)}` },
      { variant, expiresAt: links.expiresAt },
    );
    return { ...rendered, to: mail.to, messageId: messageIdFor(mail.id), mailId: mail.id };
  };
}

const renderOutcome: Renderer = async (mail, context) => {
  const data = parse(outcomeData, mail);
  const conditions = [eq(approvalDecisions.instanceId, data.instanceId), eq(approvalDecisions.final, true)];
  if (data.elementId) conditions.push(eq(approvalDecisions.elementId, data.elementId));
  const [decision] = await context.db
    .select()
    .from(approvalDecisions)
    .where(and(...conditions))
    .orderBy(desc(approvalDecisions.decidedAt))
    .limit(1);
  const [task] = await context.db
    .select()
    .from(tasks)
    .where(
      and(eq(tasks.instanceId, data.instanceId), ...(data.elementId ? [eq(tasks.elementId, data.elementId)] : [])),
    )
    .orderBy(desc(tasks.createdAt))
    .limit(1);
  const details = task?.details ?? {};
  const variables = task?.variables ?? {};
  const names = await namesByEmail(context.db, [mail.to, decision?.approver ?? '']);
  const title = typeof variables['title'] === 'string' ? variables['title'] : (task?.name ?? 'Your request');
  const rendered = renderApprovalOutcome(
    {
      instanceId: data.instanceId,
      title,
      amount: typeof details['amount'] === 'string' ? details['amount'] : '',
      requesterName: nameOf(names, mail.to),
      approved: data.approved,
      decidedByName: decision ? nameOf(names, decision.approver) : 'Baton (the request expired)',
      comment: decision?.comment ?? null,
      at: (decision?.decidedAt ?? context.now).toISOString(),
    },
    { app: `${context.baseUrl}/` },
  );
  return { ...rendered, to: mail.to, messageId: messageIdFor(mail.id), mailId: mail.id };
};

const queuedData = z.object({ taskId: z.string().min(1), group: z.string().min(1) });

/** One mail to every active member of the queue who may decide (not the requester, nor earlier approvers). */
const renderQueued: Renderer = async (mail, context) => {
  const data = parse(queuedData, mail);
  const loaded = await loadApprovalSummary(context.db, data.taskId);
  if (!loaded) throw new UnsendableMail(`Expected task ${data.taskId} to exist, but it does not`);
  const { task, summary } = loaded;
  if (task.status !== 'open' || task.assignee !== null) {
    throw new UnsendableMail(`Not sent: task ${data.taskId} was already ${task.assignee ? `claimed by ${task.assignee}` : task.status}`);
  }
  const excluded = new Set(
    (Array.isArray(task.details['excluded']) ? task.details['excluded'] : []).flatMap((email) =>
      typeof email === 'string' ? [email.toLowerCase()] : [],
    ),
  );
  excluded.add(summary.requester.toLowerCase());
  const members = ((await createDirectory(context.db).groupMembers?.(data.group)) ?? []).filter(
    (email) => !excluded.has(email.toLowerCase()),
  );
  if (members.length === 0) throw new UnsendableMail(`Not sent: the group "${data.group}" has nobody who may decide`);
  const [group] = await context.db.select({ name: groups.name }).from(groups).where(eq(groups.key, data.group)).limit(1);
  const rendered = renderApprovalQueued(
    summary,
    { name: group?.name ?? data.group, reason: typeof task.details['reason'] === 'string' ? task.details['reason'] : null },
    { task: `${context.baseUrl}/tasks/${encodeURIComponent(task.id)}` },
  );
  return { ...rendered, to: members.join(', '), messageId: messageIdFor(mail.id), mailId: mail.id };
};

const cancelledData = z.object({
  instanceId: z.string().min(1),
  reason: z.string().nullish(),
  by: z.string().nullish(),
});

const renderCancelled: Renderer = async (mail, context) => {
  const data = parse(cancelledData, mail);
  const [instance] = await context.db
    .select({
      title: sql<string | null>`${processInstances.state}->'variables'->${processInstances.id}->>'title'`,
      processId: processInstances.processId,
      processName: processDefinitions.name,
      endedAt: processInstances.endedAt,
    })
    .from(processInstances)
    .innerJoin(processDefinitions, eq(processDefinitions.id, processInstances.definitionId))
    .where(eq(processInstances.id, data.instanceId))
    .limit(1);
  if (!instance) throw new UnsendableMail(`Expected instance ${data.instanceId} to exist, but it does not`);
  const names = await namesByEmail(context.db, [mail.to, data.by ?? '']);
  const processName = instance.processName ?? instance.processId;
  const rendered = renderRequestCancelled(
    {
      title: instance.title ?? processName,
      processName,
      requesterName: nameOf(names, mail.to),
      cancelledByName: data.by ? nameOf(names, data.by) : 'Baton',
      reason: data.reason ?? null,
      at: (instance.endedAt ?? context.now).toISOString(),
    },
    { requests: `${context.baseUrl}/requests` },
  );
  return { ...rendered, to: mail.to, messageId: messageIdFor(mail.id), mailId: mail.id };
};

/** One renderer per mail kind the engine or the app puts in the outbox. */
export const MAIL_RENDERERS: Record<string, Renderer> = {
  'approval-request': approvalRenderer('request'),
  'approval-reminder': approvalRenderer('reminder'),
  'approval-escalated': approvalRenderer('escalated'),
  'approval-outcome': renderOutcome,
  'task-comment': renderTaskCommentMail,
  'request-cancelled': renderCancelled,
  'approval-queued': renderQueued,
};

export async function renderMail(mail: MailRecord, context: RenderContext): Promise<OutgoingMail> {
  const renderer = MAIL_RENDERERS[mail.kind];
  if (!renderer) throw new UnsendableMail(`Expected a known mail kind, but got '${mail.kind}'`);
  return renderer(mail, context);
}
