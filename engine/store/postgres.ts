/**
 * The SQL adapter of the store port, on drizzle. It takes any drizzle
 * PostgreSQL database (node-postgres or PGlite): commands lock their instance
 * row with FOR UPDATE, workers lease rows with FOR UPDATE SKIP LOCKED, so any
 * number of engine processes can share one PostgreSQL server.
 */
import { randomUUID } from 'node:crypto';
import {
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ApprovalDecisionView, JobView, StoredHistoryEvent, TaskView } from '../api';
import type { Effect, HistoryEvent, Incident, InstanceState } from '../runtime/types';
import type {
  ClaimOptions,
  DefinitionHeader,
  DefinitionRecord,
  EffectOwner,
  IncidentFilter,
  InstanceFilter,
  InstanceRecord,
  JobFilter,
  MailRecord,
  MessageRecord,
  MessageStartRecord,
  Store,
  StoreReads,
  StoreTransaction,
  StoredIncident,
  SubscriptionRecord,
  TaskFilter,
  TimerRecord,
} from './port';
import { ConcurrentModification } from './port';
import {
  approvalDecisions,
  history,
  incidents,
  jobs,
  mailOutbox,
  messageCorrelations,
  messages,
  messageStartEvents,
  messageSubscriptions,
  processDefinitions,
  processInstances,
  tasks,
  timers,
} from './schema';

/** Any drizzle PostgreSQL database or transaction, whatever its driver and schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, any>;

type TaskRow = typeof tasks.$inferSelect;
type JobRow = typeof jobs.$inferSelect;
type IncidentRow = typeof incidents.$inferSelect;

function toTaskView(row: TaskRow): TaskView {
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

function toJobView(row: JobRow): JobView {
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

function toIncident(row: IncidentRow): StoredIncident {
  return { ...row };
}

function toHistory(row: typeof history.$inferSelect): StoredHistoryEvent {
  const event: StoredHistoryEvent = {
    instanceId: row.instanceId,
    type: row.type as StoredHistoryEvent['type'],
    at: row.at,
  };
  if (row.elementId !== null) event.elementId = row.elementId;
  if (row.elementInstanceId !== null) event.elementInstanceId = row.elementInstanceId;
  if (row.elementType !== null) event.elementType = row.elementType;
  if (row.by !== null) event.by = row.by;
  if (row.data !== null) event.data = row.data;
  return event;
}

/** A filter condition that applies only when the filter gives a value. */
const equalIfSet = (column: Column, value: unknown): SQL | undefined =>
  value === undefined ? undefined : eq(column, value);

const where = (conditions: Array<SQL | undefined>) =>
  and(...conditions.filter((c) => c !== undefined));

class SqlReads implements StoreReads {
  constructor(protected readonly db: AnyPgDatabase) {}

  async getDefinition(id: string) {
    const [row] = await this.db
      .select()
      .from(processDefinitions)
      .where(eq(processDefinitions.id, id));
    return row ?? null;
  }

  async findDefinition(processId: string, version?: number) {
    const [row] = await this.db
      .select()
      .from(processDefinitions)
      .where(
        where([
          eq(processDefinitions.processId, processId),
          equalIfSet(processDefinitions.version, version),
        ]),
      )
      .orderBy(desc(processDefinitions.version))
      .limit(1);
    return row ?? null;
  }

  async listDefinitions(processId?: string): Promise<DefinitionRecord[]> {
    return this.db
      .select()
      .from(processDefinitions)
      .where(equalIfSet(processDefinitions.processId, processId))
      .orderBy(asc(processDefinitions.processId), asc(processDefinitions.version));
  }

  async getInstance(id: string): Promise<InstanceRecord | null> {
    const [row] = await this.db.select().from(processInstances).where(eq(processInstances.id, id));
    return row ?? null;
  }

  async listInstances(filter: InstanceFilter = {}): Promise<InstanceRecord[]> {
    let query = this.db
      .select()
      .from(processInstances)
      .where(
        where([
          equalIfSet(processInstances.processId, filter.processId),
          equalIfSet(processInstances.status, filter.status),
          equalIfSet(processInstances.hasIncident, filter.hasIncident),
          equalIfSet(processInstances.parentInstanceId, filter.parentInstanceId),
        ]),
      )
      .orderBy(desc(processInstances.startedAt))
      .$dynamic();
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    if (filter.offset !== undefined) query = query.offset(filter.offset);
    return query;
  }

  async history(instanceId: string) {
    const rows = await this.db
      .select()
      .from(history)
      .where(eq(history.instanceId, instanceId))
      .orderBy(asc(history.id));
    return rows.map(toHistory);
  }

  async getTask(id: string) {
    const [row] = await this.db.select().from(tasks).where(eq(tasks.id, id));
    return row ? toTaskView(row) : null;
  }

  async listTasks(filter: TaskFilter = {}) {
    const visible = filter.visibleTo;
    let query = this.db
      .select()
      .from(tasks)
      .where(
        where([
          equalIfSet(tasks.instanceId, filter.instanceId),
          equalIfSet(tasks.processId, filter.processId),
          equalIfSet(tasks.assignee, filter.assignee),
          equalIfSet(tasks.status, filter.status),
          // Written as one OR of three indexed conditions (assignee btree, two GIN indexes) so the
          // planner can combine index scans instead of walking every unassigned task.
          visible === undefined
            ? undefined
            : or(
                eq(tasks.assignee, visible.userId),
                arrayOverlaps(tasks.candidateUsers, [visible.userId]),
                visible.groups?.length
                  ? arrayOverlaps(tasks.candidateGroups, visible.groups)
                  : undefined,
              ),
          visible === undefined
            ? undefined
            : or(eq(tasks.assignee, visible.userId), isNull(tasks.assignee)),
        ]),
      )
      .orderBy(asc(tasks.createdAt), asc(tasks.id))
      .$dynamic();
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    if (filter.offset !== undefined) query = query.offset(filter.offset);
    return (await query).map(toTaskView);
  }

  async getJob(id: string) {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row ? toJobView(row) : null;
  }

  async listJobs(filter: JobFilter = {}) {
    let query = this.db
      .select()
      .from(jobs)
      .where(
        where([
          equalIfSet(jobs.instanceId, filter.instanceId),
          equalIfSet(jobs.type, filter.type),
          equalIfSet(jobs.status, filter.status),
        ]),
      )
      .orderBy(asc(jobs.dueAt), asc(jobs.id))
      .$dynamic();
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    return (await query).map(toJobView);
  }

  async getTimer(id: string): Promise<TimerRecord | null> {
    const [row] = await this.db.select().from(timers).where(eq(timers.id, id));
    return row ?? null;
  }

  async listTimers(filter: { instanceId?: string } = {}): Promise<TimerRecord[]> {
    return this.db
      .select()
      .from(timers)
      .where(equalIfSet(timers.instanceId, filter.instanceId))
      .orderBy(asc(timers.dueAt), asc(timers.id));
  }

  async listSubscriptions(
    filter: {
      instanceId?: string;
      messageName?: string;
      correlationKey?: string;
      kind?: SubscriptionRecord['kind'];
    } = {},
  ): Promise<SubscriptionRecord[]> {
    return this.db
      .select()
      .from(messageSubscriptions)
      .where(
        where([
          equalIfSet(messageSubscriptions.instanceId, filter.instanceId),
          equalIfSet(messageSubscriptions.kind, filter.kind),
          equalIfSet(messageSubscriptions.messageName, filter.messageName),
          equalIfSet(messageSubscriptions.correlationKey, filter.correlationKey),
        ]),
      )
      .orderBy(asc(messageSubscriptions.createdAt));
  }

  async getIncident(id: string) {
    const [row] = await this.db.select().from(incidents).where(eq(incidents.id, id));
    return row ? toIncident(row) : null;
  }

  async listIncidents(filter: IncidentFilter = {}) {
    let query = this.db
      .select()
      .from(incidents)
      .where(
        where([
          equalIfSet(incidents.instanceId, filter.instanceId),
          equalIfSet(incidents.status, filter.status),
        ]),
      )
      .orderBy(desc(incidents.createdAt))
      .$dynamic();
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    return (await query).map(toIncident);
  }

  async listMails(filter: { status?: MailRecord['status'] } = {}): Promise<MailRecord[]> {
    return this.db
      .select()
      .from(mailOutbox)
      .where(equalIfSet(mailOutbox.status, filter.status))
      .orderBy(asc(mailOutbox.createdAt));
  }

  async listApprovalDecisions(filter: {
    instanceId?: string;
    taskId?: string;
  }): Promise<ApprovalDecisionView[]> {
    const rows = await this.db
      .select()
      .from(approvalDecisions)
      .where(
        where([
          equalIfSet(approvalDecisions.instanceId, filter.instanceId),
          equalIfSet(approvalDecisions.taskId, filter.taskId),
        ]),
      )
      .orderBy(asc(approvalDecisions.decidedAt), asc(approvalDecisions.step));
    return rows.map(
      ({
        approverId,
        approver,
        onBehalfOfId,
        onBehalfOf,
        authorityLimit,
        orgChartVersion,
        ...row
      }) => ({
        ...row,
        approver: { id: approverId, email: approver, name: approver },
        onBehalfOf:
          onBehalfOfId === null
            ? null
            : { id: onBehalfOfId, email: onBehalfOf ?? '', name: onBehalfOf ?? '' },
        limit: authorityLimit,
        orgVersion: orgChartVersion,
      }),
    );
  }
}

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
] as const;

class SqlTransaction extends SqlReads implements StoreTransaction {
  /** The drizzle transaction, for adapters that read app tables in the same transaction. */
  get session(): AnyPgDatabase {
    return this.db;
  }

  async insertDefinition(definition: Omit<DefinitionRecord, 'version'>) {
    // Serializes deployments of one process id, so each gets the next version number.
    await this.db.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`baton.definition:${definition.processId}`}))`,
    );
    const [latest] = await this.db
      .select({ version: sql<number>`coalesce(max(${processDefinitions.version}), 0)::int` })
      .from(processDefinitions)
      .where(eq(processDefinitions.processId, definition.processId));
    const [row] = await this.db
      .insert(processDefinitions)
      .values({ ...definition, version: (latest?.version ?? 0) + 1 })
      .returning();
    return row!;
  }

  async insertInstance(instance: Omit<InstanceRecord, 'lockVersion'>): Promise<InstanceRecord> {
    // The row is exactly what was written, so it is not read back (that would parse the state again).
    const row = { ...instance, lockVersion: 0 };
    await this.db.insert(processInstances).values(row);
    return row;
  }

  /**
   * The row (task or job) and its instance in one statement, locking only the
   * instance. When the lock had to wait for another command, the joined row
   * is the version from before that command committed (PostgreSQL rechecks
   * only locked rows), so `seen` carries the lock version the statement's
   * snapshot saw: if the locked row is newer, the row is read again.
   */
  private async lockWith<Row extends { instanceId: string }>(
    table: typeof tasks | typeof jobs,
    id: string,
    reread: () => Promise<Row | null>,
  ): Promise<{ row: Row; instance: InstanceRecord } | null> {
    const [found] = await this.db
      .select({
        row: table,
        instance: processInstances,
        seen: sql<number>`(select s.lock_version from ${processInstances} s where s.id = ${table.instanceId})`,
      })
      .from(table)
      .innerJoin(processInstances, eq(processInstances.id, table.instanceId))
      .where(eq(table.id, id))
      .for('update', { of: processInstances });
    if (!found) return null;
    const row =
      Number(found.seen) === found.instance.lockVersion
        ? (found.row as unknown as Row)
        : await reread();
    return row ? { row, instance: found.instance } : null;
  }

  async lockTaskInstance(taskId: string) {
    const found = await this.lockWith<TaskRow>(tasks, taskId, async () => {
      const [row] = await this.db.select().from(tasks).where(eq(tasks.id, taskId));
      return row ?? null;
    });
    return found && { task: toTaskView(found.row), instance: found.instance };
  }

  async lockJobInstance(jobId: string) {
    const found = await this.lockWith<JobRow>(jobs, jobId, async () => {
      const [row] = await this.db.select().from(jobs).where(eq(jobs.id, jobId));
      return row ?? null;
    });
    return found && { job: toJobView(found.row), instance: found.instance };
  }

  async findDefinitionHeader(
    processId: string,
    version?: number,
  ): Promise<DefinitionHeader | null> {
    const [row] = await this.db
      .select({
        id: processDefinitions.id,
        processId: processDefinitions.processId,
        version: processDefinitions.version,
        name: processDefinitions.name,
        deployedBy: processDefinitions.deployedBy,
        deployedAt: processDefinitions.deployedAt,
      })
      .from(processDefinitions)
      .where(
        where([
          eq(processDefinitions.processId, processId),
          equalIfSet(processDefinitions.version, version),
        ]),
      )
      .orderBy(desc(processDefinitions.version))
      .limit(1);
    return row ?? null;
  }

  async lockInstance(id: string): Promise<InstanceRecord | null> {
    const [row] = await this.db
      .select()
      .from(processInstances)
      .where(eq(processInstances.id, id))
      .for('update');
    return row ?? null;
  }

  async saveInstance(
    id: string,
    update: { state: InstanceState; expectedLockVersion: number; endedAt: Date | null },
  ) {
    const saved = await this.db
      .update(processInstances)
      .set({
        state: update.state,
        status: update.state.status,
        hasIncident: update.state.incidents.length > 0,
        endedAt: update.endedAt,
        lockVersion: update.expectedLockVersion + 1,
      })
      .where(
        and(
          eq(processInstances.id, id),
          eq(processInstances.lockVersion, update.expectedLockVersion),
        ),
      )
      .returning({ id: processInstances.id });
    if (saved.length === 0) throw new ConcurrentModification(id);
  }

  async appendHistory(instanceId: string, events: HistoryEvent[]) {
    if (events.length === 0) return;
    await this.db.insert(history).values(
      events.map((event) => ({
        instanceId,
        type: event.type,
        elementId: event.elementId ?? null,
        elementInstanceId: event.elementInstanceId ?? null,
        elementType: event.elementType ?? null,
        by: event.by ?? null,
        at: new Date(event.at),
        data: event.data ?? null,
      })),
    );
  }

  async applyEffects(owner: EffectOwner, effects: readonly Effect[], now: Date) {
    for (const effect of effects) await this.applyEffect(owner, effect, now);
  }

  private async applyEffect(owner: EffectOwner, effect: Effect, now: Date) {
    switch (effect.type) {
      case 'CreateTask': {
        const { task } = effect;
        const values = {
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
          status: 'open' as const,
          createdAt: now,
          completedAt: null,
          completedBy: null,
          details: task.details ?? {},
          variables: task.variables,
        };
        await this.db
          .insert(tasks)
          .values({ id: task.id, ...values })
          .onConflictDoUpdate({ target: tasks.id, set: values });
        return;
      }
      case 'UpdateTask': {
        const changes: Partial<typeof tasks.$inferInsert> = {};
        for (const key of TASK_CHANGES) {
          if (effect.changes[key] !== undefined)
            Object.assign(changes, { [key]: effect.changes[key] });
        }
        if (Object.keys(changes).length > 0)
          await this.db.update(tasks).set(changes).where(eq(tasks.id, effect.taskId));
        return;
      }
      case 'CancelTask':
        await this.db
          .update(tasks)
          .set({ status: 'cancelled', completedAt: now })
          .where(and(eq(tasks.id, effect.taskId), eq(tasks.status, 'open')));
        return;
      case 'CreateJob': {
        const { job } = effect;
        const values = {
          instanceId: owner.instanceId,
          processId: owner.processId,
          elementId: job.elementId,
          type: job.type,
          status: 'activatable' as const,
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
        await this.db
          .insert(jobs)
          .values({ id: job.id, ...values })
          .onConflictDoUpdate({ target: jobs.id, set: values });
        return;
      }
      case 'RetryJob':
        await this.db
          .update(jobs)
          .set({
            status: 'activatable',
            retries: effect.retries,
            dueAt: new Date(effect.dueAt),
            errorMessage: effect.errorMessage,
            lockedBy: null,
            lockExpiresAt: null,
          })
          .where(eq(jobs.id, effect.jobId));
        return;
      case 'CancelJob':
        await this.db
          .update(jobs)
          .set({ status: 'cancelled', lockedBy: null, lockExpiresAt: null })
          .where(and(eq(jobs.id, effect.jobId), inArray(jobs.status, ['activatable', 'failed'])));
        return;
      case 'CreateTimer': {
        const { timer } = effect;
        const values = {
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
        await this.db
          .insert(timers)
          .values({ id: timer.id, ...values })
          .onConflictDoUpdate({ target: timers.id, set: values });
        return;
      }
      case 'CancelTimer':
        await this.deleteTimer(effect.timerId);
        return;
      case 'OpenSubscription': {
        const { subscription } = effect;
        const values = {
          instanceId: owner.instanceId,
          elementInstanceId: subscription.elementInstanceId,
          elementId: subscription.elementId,
          messageName: subscription.messageName,
          correlationKey: subscription.correlationKey,
          interrupting: subscription.interrupting,
          kind: subscription.kind ?? 'message',
          createdAt: now,
        };
        await this.db
          .insert(messageSubscriptions)
          .values({ id: subscription.id, ...values })
          .onConflictDoUpdate({ target: messageSubscriptions.id, set: values });
        return;
      }
      case 'CloseSubscription':
        await this.deleteSubscription(effect.subscriptionId);
        return;
      case 'SendMail':
        await this.db.insert(mailOutbox).values({
          id: randomUUID(),
          instanceId: owner.instanceId,
          kind: effect.mail.kind,
          to: effect.mail.to,
          data: effect.mail.data,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        });
        return;
      case 'RecordApprovalDecision': {
        const { at, onBehalfOf, approver, ...decision } = effect.decision;
        await this.db.insert(approvalDecisions).values({
          id: randomUUID(),
          instanceId: owner.instanceId,
          elementInstanceId: effect.elementInstanceId,
          elementId: effect.elementId,
          taskId: decision.taskId,
          step: decision.step,
          approverId: approver.id,
          approver: approver.email,
          onBehalfOfId: onBehalfOf?.id ?? null,
          onBehalfOf: onBehalfOf?.email ?? null,
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
          decidedAt: new Date(at),
        });
        return;
      }
      case 'ResolveApprover':
      case 'BroadcastSignal':
      case 'StartChildInstance':
      case 'CancelChildInstance':
      case 'NotifyParent':
        return;
    }
  }

  async completeTask(id: string, completion: { by: string | null; at: Date }) {
    await this.db
      .update(tasks)
      .set({ status: 'completed', completedAt: completion.at, completedBy: completion.by })
      .where(eq(tasks.id, id));
  }

  async completeJob(id: string) {
    await this.db
      .update(jobs)
      .set({ status: 'completed', lockedBy: null, lockExpiresAt: null })
      .where(eq(jobs.id, id));
  }

  async recordJobFailure(id: string, failure: { retries: number; errorMessage: string }) {
    const exhausted = failure.retries <= 0;
    await this.db
      .update(jobs)
      .set({
        retries: Math.max(0, failure.retries),
        failures: sql`${jobs.failures} + 1`,
        errorMessage: failure.errorMessage,
        ...(exhausted ? { status: 'failed' as const, lockedBy: null, lockExpiresAt: null } : {}),
      })
      .where(eq(jobs.id, id));
  }

  async deleteTimer(id: string) {
    const deleted = await this.db
      .delete(timers)
      .where(eq(timers.id, id))
      .returning({ id: timers.id });
    return deleted.length > 0;
  }

  async insertTimer(timer: Omit<TimerRecord, 'lockedBy' | 'lockExpiresAt'>) {
    await this.db.insert(timers).values({ ...timer, lockedBy: null, lockExpiresAt: null });
  }

  async deleteStartTimers(processId: string) {
    await this.db
      .delete(timers)
      .where(and(isNull(timers.instanceId), eq(timers.processId, processId)));
  }

  async replaceMessageStarts(processId: string, starts: readonly MessageStartRecord[]) {
    await this.db.delete(messageStartEvents).where(eq(messageStartEvents.processId, processId));
    if (starts.length > 0) await this.db.insert(messageStartEvents).values([...starts]);
  }

  async findMessageStarts(
    messageName: string,
    kind: MessageStartRecord['kind'],
  ): Promise<MessageStartRecord[]> {
    return this.db
      .select()
      .from(messageStartEvents)
      .where(
        and(eq(messageStartEvents.messageName, messageName), eq(messageStartEvents.kind, kind)),
      );
  }

  async lockMessageKey(messageName: string, correlationKey: string) {
    // A transaction-scoped advisory lock on the pair (two 32-bit keys), released at commit or rollback.
    await this.db.execute(
      sql`select pg_advisory_xact_lock(hashtext(${messageName}), hashtext(${correlationKey}))`,
    );
  }

  async insertMessage(message: MessageRecord) {
    await this.db.insert(messages).values(message);
  }

  async findBufferedMessage(
    messageName: string,
    correlationKey: string,
    now: Date,
    instanceId: string,
  ): Promise<MessageRecord | null> {
    const [row] = await this.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.name, messageName),
          eq(messages.correlationKey, correlationKey),
          sql`${messages.expiresAt} > ${now}`,
          sql`not exists (select 1 from ${messageCorrelations} where ${messageCorrelations.messageId} = ${messages.id} and ${messageCorrelations.instanceId} = ${instanceId})`,
        ),
      )
      .orderBy(asc(messages.publishedAt))
      .limit(1);
    return row ?? null;
  }

  async recordCorrelation(messageId: string, instanceId: string) {
    await this.db
      .insert(messageCorrelations)
      .values({ messageId, instanceId })
      .onConflictDoNothing();
  }

  async deleteSubscription(id: string) {
    await this.db.delete(messageSubscriptions).where(eq(messageSubscriptions.id, id));
  }

  async insertIncidents(owner: EffectOwner, list: readonly Incident[]) {
    if (list.length === 0) return;
    await this.db
      .insert(incidents)
      .values(
        list.map((incident) => ({
          id: incident.id,
          instanceId: owner.instanceId,
          processId: owner.processId,
          elementId: incident.elementId,
          elementInstanceId: incident.elementInstanceId,
          type: incident.type,
          message: incident.message,
          status: 'open' as const,
          createdAt: new Date(incident.createdAt),
        })),
      )
      .onConflictDoNothing();
  }

  async resolveIncidents(ids: readonly string[], resolution: { by: string | null; at: Date }) {
    if (ids.length === 0) return;
    await this.db
      .update(incidents)
      .set({ status: 'resolved', resolvedAt: resolution.at, resolvedBy: resolution.by })
      .where(and(inArray(incidents.id, [...ids]), eq(incidents.status, 'open')));
  }
}

export function createPostgresStore(db: AnyPgDatabase): Store {
  const reads = new SqlReads(db);

  const leasable = (column: typeof jobs.lockExpiresAt | typeof timers.lockExpiresAt, now: Date) =>
    or(isNull(column), lte(column, now));

  return {
    getDefinition: (id) => reads.getDefinition(id),
    findDefinition: (processId, version) => reads.findDefinition(processId, version),
    listDefinitions: (processId) => reads.listDefinitions(processId),
    getInstance: (id) => reads.getInstance(id),
    listInstances: (filter) => reads.listInstances(filter),
    history: (instanceId) => reads.history(instanceId),
    getTask: (id) => reads.getTask(id),
    listTasks: (filter) => reads.listTasks(filter),
    getJob: (id) => reads.getJob(id),
    listJobs: (filter) => reads.listJobs(filter),
    getTimer: (id) => reads.getTimer(id),
    listTimers: (filter) => reads.listTimers(filter),
    listSubscriptions: (filter) => reads.listSubscriptions(filter),
    getIncident: (id) => reads.getIncident(id),
    listIncidents: (filter) => reads.listIncidents(filter),
    listMails: (filter) => reads.listMails(filter),
    listApprovalDecisions: (filter) => reads.listApprovalDecisions(filter),

    transaction: (fn) => db.transaction((tx) => fn(new SqlTransaction(tx))),

    async claimJobs({
      workerId,
      now,
      leaseMs,
      limit,
      types,
    }: ClaimOptions & { types?: readonly string[] }) {
      if (types !== undefined && types.length === 0) return [];
      const due = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          where([
            eq(jobs.status, 'activatable'),
            types === undefined ? undefined : inArray(jobs.type, [...types]),
            lte(jobs.dueAt, now),
            leasable(jobs.lockExpiresAt, now),
          ]),
        )
        .orderBy(asc(jobs.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(jobs)
        .set({ lockedBy: workerId, lockExpiresAt: new Date(now.getTime() + leaseMs) })
        .where(inArray(jobs.id, due))
        .returning();
      return rows.map(toJobView).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    },

    async claimTimers({ workerId, now, leaseMs, limit }: ClaimOptions) {
      const due = db
        .select({ id: timers.id })
        .from(timers)
        .where(and(lte(timers.dueAt, now), leasable(timers.lockExpiresAt, now)))
        .orderBy(asc(timers.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(timers)
        .set({ lockedBy: workerId, lockExpiresAt: new Date(now.getTime() + leaseMs) })
        .where(inArray(timers.id, due))
        .returning();
      return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    },

    async claimMails({ now, leaseMs, limit }: ClaimOptions) {
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      // Pushing the next attempt out by the lease is the lease: a crashed sender's mail comes back.
      const rows = await db
        .update(mailOutbox)
        .set({
          attempts: sql`${mailOutbox.attempts} + 1`,
          nextAttemptAt: new Date(now.getTime() + leaseMs),
        })
        .where(inArray(mailOutbox.id, due))
        .returning();
      return rows;
    },

    async finishMail(id, outcome) {
      if ('sentAt' in outcome) {
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: outcome.sentAt, lastError: null })
          .where(eq(mailOutbox.id, id));
      } else {
        await db
          .update(mailOutbox)
          .set({
            status: outcome.nextAttemptAt ? 'pending' : 'failed',
            lastError: outcome.error,
            ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
          })
          .where(eq(mailOutbox.id, id));
      }
    },
  };
}

/**
 * The SQL session a store transaction runs in, or null for other stores. The
 * org-chart directory reads employees through it, so that the engine's own
 * writes and the directory's reads share one transaction (and, on PGlite, its
 * one connection).
 */
export function sqlSessionOf(tx: StoreTransaction): AnyPgDatabase | null {
  return tx instanceof SqlTransaction ? tx.session : null;
}
