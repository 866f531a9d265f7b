/**
 * What the engine's rows look like, in one place for both adapters: the row an
 * effect creates, the change a command makes to a row, and the view a row is
 * read back as. The memory store keeps these rows in maps; the SQL store writes
 * the same records to the tables of schema.ts, whose columns they are named after.
 */
import type { ApprovalDecisionView, JobView, StoredHistoryEvent, TaskView } from '../api';
import type { Effect, HistoryEvent, Incident, JobSpec, TaskSpec } from '../runtime/types';
import type {
  EffectOwner,
  MailRecord,
  StoredIncident,
  SubscriptionRecord,
  TimerRecord,
} from './port';
import type { approvalDecisions, history, jobs, tasks } from './schema';

export type TaskRow = typeof tasks.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type DecisionRow = typeof approvalDecisions.$inferSelect;
/** A history row before the database numbers it. */
export type HistoryRow = Omit<typeof history.$inferSelect, 'id'>;

type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

export function taskRow(owner: EffectOwner, task: TaskSpec, now: Date): TaskRow {
  return {
    id: task.id,
    instanceId: owner.instanceId,
    processId: owner.processId,
    elementId: task.elementId,
    name: task.name,
    assignee: task.assignee,
    candidateUsers: task.candidateUsers,
    candidateGroups: task.candidateGroups,
    formKey: task.formKey,
    dueDate: task.dueDate,
    followUpDate: task.followUpDate,
    status: 'open',
    createdAt: now,
    completedAt: null,
    completedBy: null,
    details: task.details ?? {},
    variables: task.variables,
  };
}

/** The task columns an UpdateTask effect may change. */
const TASK_CHANGES = [
  'name',
  'assignee',
  'candidateUsers',
  'candidateGroups',
  'formKey',
  'dueDate',
  'followUpDate',
  'details',
  'variables',
] as const satisfies ReadonlyArray<keyof TaskRow & keyof TaskSpec>;

/** The columns an UpdateTask effect sets; empty when it changes nothing. */
export function taskChanges(changes: EffectOf<'UpdateTask'>['changes']): Partial<TaskRow> {
  const set: Partial<TaskRow> = {};
  for (const key of TASK_CHANGES) {
    if (changes[key] !== undefined) Object.assign(set, { [key]: changes[key] });
  }
  return set;
}

export const taskCompleted = (completion: { by: string | null; at: Date }): Partial<TaskRow> => ({
  status: 'completed',
  completedAt: completion.at,
  completedBy: completion.by,
});

export const taskCancelled = (now: Date): Partial<TaskRow> => ({
  status: 'cancelled',
  completedAt: now,
});

/** Only an open task is cancelled; a completed one keeps its outcome. */
export const cancellable = (row: Pick<TaskRow, 'status'>) => row.status === 'open';

export function jobRow(owner: EffectOwner, job: JobSpec, now: Date): JobRow {
  return {
    id: job.id,
    instanceId: owner.instanceId,
    processId: owner.processId,
    elementId: job.elementId,
    type: job.type,
    status: 'activatable',
    retries: job.retries,
    failures: 0,
    dueAt: now,
    lockedBy: null,
    lockExpiresAt: null,
    headers: job.headers,
    variables: job.variables,
    errorMessage: null,
    createdAt: now,
  };
}

export const jobRetried = (effect: EffectOf<'RetryJob'>): Partial<JobRow> => ({
  status: 'activatable',
  retries: effect.retries,
  dueAt: new Date(effect.dueAt),
  errorMessage: effect.errorMessage,
  lockedBy: null,
  lockExpiresAt: null,
});

export const JOB_COMPLETED: Partial<JobRow> = Object.freeze({
  status: 'completed',
  lockedBy: null,
  lockExpiresAt: null,
});

export const JOB_CANCELLED: Partial<JobRow> = Object.freeze({
  status: 'cancelled',
  lockedBy: null,
  lockExpiresAt: null,
});

/** Job statuses a CancelJob effect cancels. */
export const CANCELLABLE_JOB_STATUSES = ['activatable', 'failed'] as const;

/**
 * A failure of the job (the failure count grows by one, whoever counts it);
 * with no retries left the job is 'failed' and leaves its worker.
 */
export function jobFailed(failure: { retries: number; errorMessage: string }): Partial<JobRow> {
  const exhausted = failure.retries <= 0;
  return {
    retries: Math.max(0, failure.retries),
    errorMessage: failure.errorMessage,
    ...(exhausted ? { status: 'failed' as const, lockedBy: null, lockExpiresAt: null } : {}),
  };
}

export function timerRow(owner: EffectOwner, timer: EffectOf<'CreateTimer'>['timer']): TimerRecord {
  return {
    id: timer.id,
    instanceId: owner.instanceId,
    processId: owner.processId,
    definitionId: null,
    elementInstanceId: timer.elementInstanceId,
    elementId: timer.elementId,
    dueAt: new Date(timer.dueAt),
    repetitions: timer.repetitions ?? null,
    interval: timer.interval ?? null,
    lockedBy: null,
    lockExpiresAt: null,
  };
}

export function subscriptionRow(
  owner: EffectOwner,
  subscription: EffectOf<'OpenSubscription'>['subscription'],
  now: Date,
): SubscriptionRecord {
  return {
    id: subscription.id,
    instanceId: owner.instanceId,
    elementInstanceId: subscription.elementInstanceId,
    elementId: subscription.elementId,
    messageName: subscription.messageName,
    correlationKey: subscription.correlationKey,
    interrupting: subscription.interrupting,
    kind: subscription.kind ?? 'message',
    createdAt: now,
  };
}

export function mailRow(
  owner: EffectOwner,
  mail: EffectOf<'SendMail'>['mail'],
  now: Date,
  id: string,
): MailRecord {
  return {
    id,
    instanceId: owner.instanceId,
    kind: mail.kind,
    to: mail.to,
    subject: null,
    data: mail.data,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}

export function decisionRow(
  owner: EffectOwner,
  effect: EffectOf<'RecordApprovalDecision'>,
  id: string,
): DecisionRow {
  const { decision } = effect;
  return {
    id,
    instanceId: owner.instanceId,
    elementInstanceId: effect.elementInstanceId,
    elementId: effect.elementId,
    taskId: decision.taskId,
    step: decision.step,
    approverId: decision.approver.id,
    approver: decision.approver.email,
    onBehalfOfId: decision.onBehalfOf?.id ?? null,
    onBehalfOf: decision.onBehalfOf?.email ?? null,
    asFallback: decision.asFallback,
    decision: decision.decision,
    channel: decision.channel,
    comment: decision.comment,
    authorityId: decision.authorityId,
    authorityLimit: decision.limit,
    counts: decision.counts,
    final: decision.final,
    orgChartVersion: decision.orgVersion,
    reason: decision.reason,
    decidedAt: new Date(decision.at),
  };
}

/** A stored decision names people by email only, so that is also their name when read back. */
export function decisionView(row: DecisionRow): ApprovalDecisionView {
  const {
    approverId,
    approver,
    onBehalfOfId,
    onBehalfOf,
    authorityLimit,
    orgChartVersion,
    ...rest
  } = row;
  return {
    ...rest,
    approver: { id: approverId, email: approver, name: approver },
    onBehalfOf:
      onBehalfOfId === null
        ? null
        : { id: onBehalfOfId, email: onBehalfOf ?? '', name: onBehalfOf ?? '' },
    limit: authorityLimit,
    orgVersion: orgChartVersion,
  };
}

export function incidentRow(owner: EffectOwner, incident: Incident): StoredIncident {
  return {
    id: incident.id,
    instanceId: owner.instanceId,
    processId: owner.processId,
    elementId: incident.elementId,
    elementInstanceId: incident.elementInstanceId,
    type: incident.type,
    message: incident.message,
    status: 'open',
    createdAt: new Date(incident.createdAt),
    resolvedAt: null,
    resolvedBy: null,
  };
}

export const incidentResolved = (resolution: {
  by: string | null;
  at: Date;
}): Partial<StoredIncident> => ({
  status: 'resolved',
  resolvedAt: resolution.at,
  resolvedBy: resolution.by,
});

/** The history row of one transaction's events of an instance. */
export function historyRow(instanceId: string, events: readonly HistoryEvent[]): HistoryRow {
  return { instanceId, events: events as HistoryEvent[] };
}

/** A history event as the API shows it: its instance, and its time as a date. */
export function storedHistoryEvent(instanceId: string, event: HistoryEvent): StoredHistoryEvent {
  const stored: StoredHistoryEvent = { instanceId, type: event.type, at: new Date(event.at) };
  if (event.elementId !== undefined) stored.elementId = event.elementId;
  if (event.elementInstanceId !== undefined) stored.elementInstanceId = event.elementInstanceId;
  if (event.elementType !== undefined) stored.elementType = event.elementType;
  if (event.by !== undefined) stored.by = event.by;
  if (event.data !== undefined) stored.data = event.data;
  return stored;
}

/** The events of history rows, in order. */
export function historyEvents(rows: readonly HistoryRow[]): StoredHistoryEvent[] {
  return rows.flatMap((row) =>
    row.events.map((event) => storedHistoryEvent(row.instanceId, event)),
  );
}

export function taskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    instanceId: row.instanceId,
    processId: row.processId,
    elementId: row.elementId,
    name: row.name,
    assignee: row.assignee,
    candidateUsers: row.candidateUsers,
    candidateGroups: row.candidateGroups,
    formKey: row.formKey,
    dueDate: row.dueDate,
    status: row.status,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    completedBy: row.completedBy,
    details: row.details,
    variables: row.variables,
  };
}

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    instanceId: row.instanceId,
    processId: row.processId,
    elementId: row.elementId,
    type: row.type,
    retries: row.retries,
    status: row.status,
    dueAt: row.dueAt,
    lockedBy: row.lockedBy,
    lockExpiresAt: row.lockExpiresAt,
    errorMessage: row.errorMessage,
    failures: row.failures,
    headers: row.headers,
    variables: row.variables,
  };
}
