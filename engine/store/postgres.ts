/**
 * The SQL adapter of the store port, on drizzle. It takes any drizzle
 * PostgreSQL database (node-postgres or PGlite): commands lock their instance
 * row with FOR UPDATE, workers lease rows with FOR UPDATE SKIP LOCKED, so any
 * number of engine processes can share one PostgreSQL server.
 *
 * A command's transaction is BEGIN, one statement that reads and locks what
 * the command is about, one statement that writes everything it changed (see
 * sql-batch.ts), COMMIT. Writes are held back until the transaction reads
 * again or ends, and go out ahead of that read, so a read always sees them.
 * The statements of this path are plain text, prepared once per connection
 * and sent as sql-session.ts describes (on node-postgres, BEGIN rides with
 * the read and COMMIT with the write); the other reads and writes use
 * drizzle's query builder on the same connection.
 */
import { randomUUID } from 'node:crypto';
import {
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  getTableName,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { ApprovalDecisionView } from '../api';
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
  SubscriptionRecord,
  TaskFilter,
  TimerRecord,
} from './port';
import { ConcurrentModification, newerDefinition } from './port';
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
import {
  CANCELLABLE_JOB_STATUSES,
  decisionRow,
  decisionView,
  historyEvents,
  historyRow,
  incidentResolved,
  incidentRow,
  JOB_CANCELLED,
  JOB_COMPLETED,
  jobFailed,
  jobRetried,
  jobRow,
  jobView,
  mailRow,
  subscriptionRow,
  taskCancelled,
  taskChanges,
  taskCompleted,
  taskRow,
  taskView,
  timerRow,
  type JobRow,
  type TaskRow,
} from './rows';
import { WriteBatch } from './sql-batch';
import { readRow, selectList, tableInfo } from './sql-columns';
import {
  sqlDriverFor,
  type AnyPgDatabase,
  type Row,
  type SqlSession,
  type Statement,
} from './sql-session';

export type { AnyPgDatabase };

/** A filter condition that applies only when the filter gives a value. */
const equalIfSet = (column: Column, value: unknown): SQL | undefined =>
  value === undefined ? undefined : eq(column, value);

const where = (conditions: Array<SQL | undefined>) =>
  and(...conditions.filter((c) => c !== undefined));

/** The reads of the store, on the database a subclass gives: the pool's, or a transaction's. */
abstract class SqlReads implements StoreReads {
  protected abstract get db(): AnyPgDatabase;

  /** Called before every read; a transaction sends its pending writes first, so it reads what it wrote. */
  protected ready(): Promise<void> {
    return Promise.resolve();
  }

  async getDefinition(id: string) {
    await this.ready();
    const [row] = await this.db
      .select()
      .from(processDefinitions)
      .where(eq(processDefinitions.id, id));
    return row ?? null;
  }

  async findDefinition(processId: string, version?: number) {
    await this.ready();
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
    await this.ready();
    return this.db
      .select()
      .from(processDefinitions)
      .where(equalIfSet(processDefinitions.processId, processId))
      .orderBy(asc(processDefinitions.processId), asc(processDefinitions.version));
  }

  async getInstance(id: string): Promise<InstanceRecord | null> {
    await this.ready();
    const [row] = await this.db.select().from(processInstances).where(eq(processInstances.id, id));
    return row ?? null;
  }

  async listInstances(filter: InstanceFilter = {}): Promise<InstanceRecord[]> {
    await this.ready();
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
    await this.ready();
    const rows = await this.db
      .select()
      .from(history)
      .where(eq(history.instanceId, instanceId))
      .orderBy(asc(history.id));
    return historyEvents(rows);
  }

  async getTask(id: string) {
    await this.ready();
    const [row] = await this.db.select().from(tasks).where(eq(tasks.id, id));
    return row ? taskView(row) : null;
  }

  async listTasks(filter: TaskFilter = {}) {
    await this.ready();
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
    return (await query).map(taskView);
  }

  async getJob(id: string) {
    await this.ready();
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row ? jobView(row) : null;
  }

  async listJobs(filter: JobFilter = {}) {
    await this.ready();
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
    return (await query).map(jobView);
  }

  async getTimer(id: string): Promise<TimerRecord | null> {
    await this.ready();
    const [row] = await this.db.select().from(timers).where(eq(timers.id, id));
    return row ?? null;
  }

  async listTimers(filter: { instanceId?: string } = {}): Promise<TimerRecord[]> {
    await this.ready();
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
    await this.ready();
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
    await this.ready();
    const [row] = await this.db.select().from(incidents).where(eq(incidents.id, id));
    return row ?? null;
  }

  async listIncidents(filter: IncidentFilter = {}) {
    await this.ready();
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
    return query;
  }

  async listMails(filter: { status?: MailRecord['status'] } = {}): Promise<MailRecord[]> {
    await this.ready();
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
    await this.ready();
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
    return rows.map(decisionView);
  }
}

class DatabaseReads extends SqlReads {
  constructor(private readonly database: AnyPgDatabase) {
    super();
  }

  protected get db(): AnyPgDatabase {
    return this.database;
  }
}

/** The statements of the command path, as text: prepared once per connection, not built per command. */
const HOT = {
  definitionHeader: (byVersion: boolean) =>
    `select "id", "process_id" as "processId", "version", "name", "deployed_by" as "deployedBy", "deployed_at" as "deployedAt" from "process_definitions" where "process_id" = $1${byVersion ? ' and "version" = $2' : ''} order by "version" desc limit 1`,
  lockInstance: () =>
    `select ${selectList(processInstances, 'i')} from "process_instances" i where i."id" = $1 for update`,
  /**
   * The row (task or job) and its instance in one statement, locking only the
   * instance. When the lock had to wait for another command, the joined row is
   * the version from before that command committed (PostgreSQL rechecks only
   * locked rows), so `seen` carries the lock version the statement's snapshot
   * saw: if the locked row is newer, the row is read again.
   */
  lockWith: (table: typeof tasks | typeof jobs) =>
    `select ${selectList(table, 'x', 'x.')}, ${selectList(processInstances, 'i')}, (select s."lock_version" from "process_instances" s where s."id" = x."instance_id") as "seen" from ${tableInfo(table).name} x join "process_instances" i on i."id" = x."instance_id" where x."id" = $1 for update of i`,
  row: (table: typeof tasks | typeof jobs) =>
    `select ${selectList(table, 'x', 'x.')} from ${tableInfo(table).name} x where x."id" = $1`,
};

const texts = new Map<string, { text: string; name: string }>();

/** The statement text of a hot query, with a stable name for preparing it. */
function hot(key: string, build: () => string): { text: string; name: string } {
  let found = texts.get(key);
  if (!found) {
    found = { text: build(), name: `baton_${key}` };
    texts.set(key, found);
  }
  return found;
}

const instanceChanged = (id: string) => new ConcurrentModification(id);

/** The guard of a new instance written `whileLatest`: no newer version of its process is deployed. */
const NO_NEWER_DEFINITION = `not exists (select 1 from "process_definitions" d where d."process_id" = r."processId" and d."version" > r."definitionVersion")`;

class SqlTransaction extends SqlReads implements StoreTransaction {
  private readonly pending = new WriteBatch();

  constructor(private readonly connection: SqlSession) {
    super();
  }

  protected override get db(): AnyPgDatabase {
    return this.connection.db;
  }

  /** The drizzle database of the transaction, for adapters that read app tables in the same transaction. */
  get session(): AnyPgDatabase {
    return this.connection.db;
  }

  /** Sends the writes held back so far; they run before anything sent after them. */
  sendPending(): void {
    if (!this.pending.empty) this.pending.send(this.connection);
  }

  /** Before a drizzle statement: the writes held back are sent, and have run. */
  protected override ready(): Promise<void> {
    this.sendPending();
    return this.connection.drained();
  }

  /** One hot statement, after the writes held back. */
  private async execute(statement: Statement): Promise<{ rows: Row[] }> {
    this.sendPending();
    return { rows: await this.connection.send(statement) };
  }

  async insertDefinition(definition: Omit<DefinitionRecord, 'version'>) {
    await this.ready();
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

  insertInstance(
    instance: Omit<InstanceRecord, 'lockVersion'>,
    options: { whileLatest?: boolean } = {},
  ): Promise<InstanceRecord> {
    // The row is exactly what will be written, so it is not read back (that would parse the state again).
    const row: InstanceRecord = { ...instance, lockVersion: 0 };
    this.pending.insert(
      processInstances,
      [row],
      options.whileLatest
        ? { guard: NO_NEWER_DEFINITION, required: () => newerDefinition(row) }
        : {},
    );
    return Promise.resolve(row);
  }

  private async lockWith<Row extends { instanceId: string }>(
    table: typeof tasks | typeof jobs,
    id: string,
  ): Promise<{ row: Row; instance: InstanceRecord } | null> {
    const key = getTableName(table);
    const { rows } = await this.execute({
      ...hot(`lock_${key}`, () => HOT.lockWith(table)),
      params: [id],
    });
    const found = rows[0];
    if (!found) return null;
    const instance = readRow<InstanceRecord>(processInstances, found);
    if (Number(found['seen']) === instance.lockVersion) {
      return { row: readRow<Row>(table, found, 'x.'), instance };
    }
    const again = await this.execute({ ...hot(`row_${key}`, () => HOT.row(table)), params: [id] });
    return again.rows[0] ? { row: readRow<Row>(table, again.rows[0], 'x.'), instance } : null;
  }

  async lockTaskInstance(taskId: string) {
    const found = await this.lockWith<TaskRow>(tasks, taskId);
    return found && { task: taskView(found.row), instance: found.instance };
  }

  async lockJobInstance(jobId: string) {
    const found = await this.lockWith<JobRow>(jobs, jobId);
    return found && { job: jobView(found.row), instance: found.instance };
  }

  async findDefinitionHeader(
    processId: string,
    version?: number,
  ): Promise<DefinitionHeader | null> {
    const byVersion = version !== undefined;
    const { rows } = await this.execute({
      ...hot(byVersion ? 'definition_version' : 'definition_latest', () =>
        HOT.definitionHeader(byVersion),
      ),
      params: byVersion ? [processId, version] : [processId],
    });
    const row = rows[0];
    return row
      ? {
          id: row['id'] as string,
          processId: row['processId'] as string,
          version: row['version'] as number,
          name: row['name'] as string | null,
          deployedBy: row['deployedBy'] as string | null,
          deployedAt: new Date(row['deployedAt'] as string),
        }
      : null;
  }

  async lockInstance(id: string): Promise<InstanceRecord | null> {
    const { rows } = await this.execute({
      ...hot('lock_instance', HOT.lockInstance),
      params: [id],
    });
    return rows[0] ? readRow<InstanceRecord>(processInstances, rows[0]) : null;
  }

  saveInstance(
    id: string,
    update: { state: InstanceState; expectedLockVersion: number; endedAt: Date | null },
  ): Promise<void> {
    // Checked when the write is sent: a row that moved on since it was read fails the transaction.
    this.pending.update(
      processInstances,
      id,
      {
        state: update.state,
        status: update.state.status,
        hasIncident: update.state.incidents.length > 0,
        endedAt: update.endedAt,
        lockVersion: update.expectedLockVersion + 1,
      },
      { guard: 't."lock_version" = r."lockVersion" - 1', required: instanceChanged },
    );
    return Promise.resolve();
  }

  appendHistory(instanceId: string, events: HistoryEvent[]): Promise<void> {
    if (events.length > 0)
      this.pending.insert(history, [historyRow(instanceId, events)], { key: null });
    return Promise.resolve();
  }

  applyEffects(owner: EffectOwner, effects: readonly Effect[], now: Date): Promise<void> {
    for (const effect of effects) this.applyEffect(owner, effect, now);
    return Promise.resolve();
  }

  private applyEffect(owner: EffectOwner, effect: Effect, now: Date): void {
    const pending = this.pending;
    switch (effect.type) {
      case 'CreateTask':
        pending.insert(tasks, [taskRow(owner, effect.task, now)], { onConflict: 'update' });
        return;
      case 'UpdateTask':
        pending.update(tasks, effect.taskId, taskChanges(effect.changes));
        return;
      case 'CancelTask':
        pending.update(tasks, effect.taskId, taskCancelled(now), { guard: `t."status" = 'open'` });
        return;
      case 'CreateJob':
        pending.insert(jobs, [jobRow(owner, effect.job, now)], { onConflict: 'update' });
        return;
      case 'RetryJob':
        pending.update(jobs, effect.jobId, jobRetried(effect));
        return;
      case 'CancelJob':
        pending.update(jobs, effect.jobId, JOB_CANCELLED, {
          guard: `t."status" in (${CANCELLABLE_JOB_STATUSES.map((status) => `'${status}'`).join(', ')})`,
        });
        return;
      case 'CreateTimer':
        pending.insert(timers, [timerRow(owner, effect.timer)], { onConflict: 'update' });
        return;
      case 'CancelTimer':
        pending.delete(timers, effect.timerId);
        return;
      case 'OpenSubscription':
        pending.insert(messageSubscriptions, [subscriptionRow(owner, effect.subscription, now)], {
          onConflict: 'update',
        });
        return;
      case 'CloseSubscription':
        pending.delete(messageSubscriptions, effect.subscriptionId);
        return;
      case 'SendMail':
        pending.insert(mailOutbox, [mailRow(owner, effect.mail, now, randomUUID())]);
        return;
      case 'RecordApprovalDecision':
        pending.insert(approvalDecisions, [decisionRow(owner, effect, randomUUID())]);
        return;
      case 'ResolveApprover':
      case 'BroadcastSignal':
      case 'StartChildInstance':
      case 'CancelChildInstance':
      case 'NotifyParent':
        return;
    }
  }

  completeTask(id: string, completion: { by: string | null; at: Date }): Promise<void> {
    this.pending.update(tasks, id, taskCompleted(completion));
    return Promise.resolve();
  }

  completeJob(id: string): Promise<void> {
    this.pending.update(jobs, id, JOB_COMPLETED);
    return Promise.resolve();
  }

  recordJobFailure(id: string, failure: { retries: number; errorMessage: string }): Promise<void> {
    this.pending.update(jobs, id, jobFailed(failure), {
      expressions: { failures: 't."failures" + 1' },
    });
    return Promise.resolve();
  }

  async deleteTimer(id: string) {
    await this.ready();
    const deleted = await this.db
      .delete(timers)
      .where(eq(timers.id, id))
      .returning({ id: timers.id });
    return deleted.length > 0;
  }

  insertTimer(timer: Omit<TimerRecord, 'lockedBy' | 'lockExpiresAt'>): Promise<void> {
    this.pending.insert(timers, [{ ...timer, lockedBy: null, lockExpiresAt: null }]);
    return Promise.resolve();
  }

  async deleteStartTimers(processId: string) {
    await this.ready();
    await this.db
      .delete(timers)
      .where(and(isNull(timers.instanceId), eq(timers.processId, processId)));
  }

  async replaceMessageStarts(processId: string, starts: readonly MessageStartRecord[]) {
    await this.ready();
    await this.db.delete(messageStartEvents).where(eq(messageStartEvents.processId, processId));
    if (starts.length > 0) await this.db.insert(messageStartEvents).values([...starts]);
  }

  async findMessageStarts(
    messageName: string,
    kind: MessageStartRecord['kind'],
  ): Promise<MessageStartRecord[]> {
    await this.ready();
    return this.db
      .select()
      .from(messageStartEvents)
      .where(
        and(eq(messageStartEvents.messageName, messageName), eq(messageStartEvents.kind, kind)),
      );
  }

  async lockMessageKey(messageName: string, correlationKey: string) {
    await this.ready();
    // A transaction-scoped advisory lock on the pair (two 32-bit keys), released at commit or rollback.
    await this.db.execute(
      sql`select pg_advisory_xact_lock(hashtext(${messageName}), hashtext(${correlationKey}))`,
    );
  }

  insertMessage(message: MessageRecord): Promise<void> {
    this.pending.insert(messages, [{ ...message }]);
    return Promise.resolve();
  }

  async findBufferedMessage(
    messageName: string,
    correlationKey: string,
    now: Date,
    instanceId: string,
  ): Promise<MessageRecord | null> {
    await this.ready();
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

  recordCorrelation(messageId: string, instanceId: string): Promise<void> {
    this.pending.insert(messageCorrelations, [{ messageId, instanceId }], {
      onConflict: 'nothing',
      key: (row) => `${row.messageId}/${row.instanceId}`,
    });
    return Promise.resolve();
  }

  deleteSubscription(id: string): Promise<void> {
    this.pending.delete(messageSubscriptions, id);
    return Promise.resolve();
  }

  insertIncidents(owner: EffectOwner, list: readonly Incident[]): Promise<void> {
    this.pending.insert(
      incidents,
      list.map((incident) => incidentRow(owner, incident)),
      { onConflict: 'nothing' },
    );
    return Promise.resolve();
  }

  resolveIncidents(
    ids: readonly string[],
    resolution: { by: string | null; at: Date },
  ): Promise<void> {
    for (const id of ids) {
      this.pending.update(incidents, id, incidentResolved(resolution), {
        guard: `t."status" = 'open'`,
      });
    }
    return Promise.resolve();
  }
}

export function createPostgresStore(db: AnyPgDatabase): Store {
  const reads = new DatabaseReads(db);
  const driver = sqlDriverFor(db);

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

    transaction: (fn) => {
      let tx: SqlTransaction;
      return driver.transaction(
        (session) => fn((tx = new SqlTransaction(session))),
        () => tx.sendPending(),
      );
    },

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
      return rows.map(jobView).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
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
