/**
 * The in-memory adapter of the store port, for tests, the CLI and simulation.
 * Transactions run one at a time; each write records how to undo it, so a
 * transaction that throws leaves nothing behind. Rows are those of rows.ts,
 * the same the SQL store writes. What a transaction writes is copied once into
 * frozen, JSON-shaped values (as a database would store it); values already
 * stored are frozen and shared rather than copied again, so an instance state
 * that the step changed in a few places costs a few copies. Definitions and
 * instance states are handed out frozen as stored (the step copies what it
 * changes); other rows as copies, except the task or job a command locks,
 * whose JSON columns are frozen and shared.
 */
import { randomUUID } from 'node:crypto';
import type { JobView } from '../api';
import type { Effect, HistoryEvent, Incident, InstanceState } from '../runtime/types';
import type {
  ClaimOptions,
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
import { ConcurrentModification, newerDefinition } from './port';
import { stored, storedState } from './frozen-state';
import {
  cancellable,
  CANCELLABLE_JOB_STATUSES,
  decisionRow,
  decisionView,
  storedHistoryEvent,
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
  type DecisionRow,
  type JobRow,
  type TaskRow,
} from './rows';

class Tables {
  readonly definitions = new Map<string, DefinitionRecord>();
  /** Instance rows whose state is frozen as stored. */
  readonly instances = new Map<string, InstanceRecord>();
  readonly tasks = new Map<string, TaskRow>();
  readonly jobs = new Map<string, JobRow>();
  readonly timers = new Map<string, TimerRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly messages = new Map<string, MessageRecord>();
  /** `${messageId}/${instanceId}` of the instances a buffered message has reached. */
  readonly correlations = new Set<string>();
  /** Message start events by process id. */
  readonly messageStarts = new Map<string, MessageStartRecord[]>();
  readonly incidents = new Map<string, StoredIncident>();
  readonly mails = new Map<string, MailRecord>();
  /** Each instance's history in order, as the step recorded it (read back as rows.ts makes them). */
  readonly history = new Map<string, HistoryEvent[]>();
  historyLength = 0;
  readonly approvalDecisions: DecisionRow[] = [];
  /** Ids of activatable jobs, so a claim does not walk every job ever created. */
  readonly activatable = new Set<string>();

  /** Keeps `activatable` in step with the row now stored under `id`. */
  syncJob(id: string) {
    if (this.jobs.get(id)?.status === 'activatable') this.activatable.add(id);
    else this.activatable.delete(id);
  }
}

/** Undo records of the running transaction; null outside one. */
type Journal = Array<() => void> | null;

const copy = <T>(value: T): T => structuredClone(value);

/** The stored row; its state is frozen and shared, so handing it out costs one shallow copy. */
function toRecord(row: InstanceRecord): InstanceRecord {
  return { ...row };
}

/** The JSON-valued columns of a row as stored: copied once and frozen. */
function withStored<T extends object>(row: T, keys: ReadonlyArray<keyof T>): T {
  const out = { ...row };
  for (const key of keys) out[key] = stored(out[key]);
  return out;
}

const TASK_JSON = ['candidateUsers', 'candidateGroups', 'details', 'variables'] as const;
const JOB_JSON = ['headers', 'variables'] as const;

function page<T>(rows: T[], limit?: number, offset?: number): T[] {
  const start = offset ?? 0;
  return rows.slice(start, limit === undefined ? undefined : start + limit);
}

function byTime<T>(key: (row: T) => Date) {
  return (a: T, b: T) => key(a).getTime() - key(b).getTime();
}

class MemoryReads implements StoreReads {
  constructor(protected readonly t: Tables) {}

  getDefinition(id: string) {
    return Promise.resolve(this.t.definitions.get(id) ?? null);
  }

  findDefinition(processId: string, version?: number) {
    let found: DefinitionRecord | undefined;
    for (const row of this.t.definitions.values()) {
      if (row.processId !== processId) continue;
      if (version === undefined ? !found || row.version > found.version : row.version === version)
        found = row;
    }
    return Promise.resolve(found ?? null);
  }

  listDefinitions(processId?: string) {
    const rows = [...this.t.definitions.values()]
      .filter((row) => processId === undefined || row.processId === processId)
      .sort((a, b) => a.processId.localeCompare(b.processId) || a.version - b.version);
    return Promise.resolve(rows);
  }

  getInstance(id: string) {
    const row = this.t.instances.get(id);
    return Promise.resolve(row ? toRecord(row) : null);
  }

  listInstances(filter: InstanceFilter = {}) {
    const rows = [...this.t.instances.values()]
      .filter(
        (row) =>
          (filter.processId === undefined || row.processId === filter.processId) &&
          (filter.status === undefined || row.status === filter.status) &&
          (filter.hasIncident === undefined || row.hasIncident === filter.hasIncident) &&
          (filter.parentInstanceId === undefined ||
            row.parentInstanceId === filter.parentInstanceId),
      )
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
    return Promise.resolve(page(rows, filter.limit, filter.offset).map(toRecord));
  }

  history(instanceId: string) {
    const events = this.t.history.get(instanceId) ?? [];
    return Promise.resolve(copy(events.map((event) => storedHistoryEvent(instanceId, event))));
  }

  getTask(id: string) {
    const row = this.t.tasks.get(id);
    return Promise.resolve(row ? copy(taskView(row)) : null);
  }

  listTasks(filter: TaskFilter = {}) {
    const visible = filter.visibleTo;
    const rows = [...this.t.tasks.values()]
      .filter(
        (row) =>
          (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
          (filter.processId === undefined || row.processId === filter.processId) &&
          (filter.assignee === undefined || row.assignee === filter.assignee) &&
          (filter.status === undefined || row.status === filter.status) &&
          (visible === undefined ||
            row.assignee === visible.userId ||
            (row.assignee === null &&
              (row.candidateUsers.includes(visible.userId) ||
                row.candidateGroups.some((group) => (visible.groups ?? []).includes(group))))),
      )
      .sort(byTime((row) => row.createdAt));
    return Promise.resolve(copy(page(rows, filter.limit, filter.offset).map(taskView)));
  }

  getJob(id: string) {
    const row = this.t.jobs.get(id);
    return Promise.resolve(row ? copy(jobView(row)) : null);
  }

  listJobs(filter: JobFilter = {}) {
    const rows = [...this.t.jobs.values()]
      .filter(
        (row) =>
          (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
          (filter.type === undefined || row.type === filter.type) &&
          (filter.status === undefined || row.status === filter.status),
      )
      .sort(byTime((row) => row.dueAt));
    return Promise.resolve(copy(page(rows, filter.limit).map(jobView)));
  }

  getTimer(id: string) {
    const row = this.t.timers.get(id);
    return Promise.resolve(row ? copy(row) : null);
  }

  listTimers(filter: { instanceId?: string } = {}) {
    const rows = [...this.t.timers.values()]
      .filter((row) => filter.instanceId === undefined || row.instanceId === filter.instanceId)
      .sort(byTime((row) => row.dueAt));
    return Promise.resolve(copy(rows));
  }

  listSubscriptions(
    filter: { instanceId?: string; messageName?: string; correlationKey?: string; kind?: SubscriptionRecord['kind'] } = {},
  ) {
    const rows = [...this.t.subscriptions.values()].filter(
      (row) =>
        (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
        (filter.kind === undefined || row.kind === filter.kind) &&
        (filter.messageName === undefined || row.messageName === filter.messageName) &&
        (filter.correlationKey === undefined || row.correlationKey === filter.correlationKey),
    );
    return Promise.resolve(copy(rows));
  }

  listApprovalDecisions(filter: { instanceId?: string; taskId?: string }) {
    const rows = this.t.approvalDecisions.filter(
      (row) =>
        (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
        (filter.taskId === undefined || row.taskId === filter.taskId),
    );
    return Promise.resolve(copy(rows.map(decisionView)));
  }

  getIncident(id: string) {
    const row = this.t.incidents.get(id);
    return Promise.resolve(row ? copy(row) : null);
  }

  listIncidents(filter: IncidentFilter = {}) {
    const rows = [...this.t.incidents.values()]
      .filter(
        (row) =>
          (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
          (filter.status === undefined || row.status === filter.status),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return Promise.resolve(copy(page(rows, filter.limit)));
  }

  listMails(filter: { status?: MailRecord['status'] } = {}) {
    const rows = [...this.t.mails.values()].filter(
      (row) => filter.status === undefined || row.status === filter.status,
    );
    return Promise.resolve(copy(rows));
  }
}

class MemoryTransaction extends MemoryReads implements StoreTransaction {
  constructor(
    tables: Tables,
    private readonly journal: Array<() => void>,
  ) {
    super(tables);
  }

  /** Writes `row` under `id`, remembering what was there. */
  private put<T>(map: Map<string, T>, id: string, row: T) {
    const had = map.has(id);
    const previous = map.get(id);
    map.set(id, row);
    this.synced(map, id);
    this.journal.push(() => {
      if (had) map.set(id, previous as T);
      else map.delete(id);
      this.synced(map, id);
    });
  }

  private remove<T>(map: Map<string, T>, id: string) {
    if (!map.has(id)) return;
    const previous = map.get(id) as T;
    map.delete(id);
    this.synced(map, id);
    this.journal.push(() => {
      map.set(id, previous);
      this.synced(map, id);
    });
  }

  private synced(map: Map<string, unknown>, id: string) {
    if (map === this.t.jobs) this.t.syncJob(id);
  }

  private change<T>(map: Map<string, T>, id: string, changes: Partial<T>) {
    const row = map.get(id);
    if (row) this.put(map, id, { ...row, ...changes });
  }

  insertDefinition(definition: Omit<DefinitionRecord, 'version'>) {
    let version = 0;
    for (const row of this.t.definitions.values()) {
      if (row.processId === definition.processId) version = Math.max(version, row.version);
    }
    // Deployed definitions never change, so the one frozen record is handed out by reference.
    const record: DefinitionRecord = Object.freeze({ ...definition, deployedAt: new Date(definition.deployedAt), version: version + 1 });
    this.put(this.t.definitions, record.id, record);
    return Promise.resolve(record);
  }

  insertInstance(
    instance: Omit<InstanceRecord, 'lockVersion'>,
    options: { whileLatest?: boolean } = {},
  ) {
    if (this.t.instances.has(instance.id)) {
      return Promise.reject(new Error(`Expected a new instance id, but ${instance.id} exists`));
    }
    if (options.whileLatest) {
      for (const definition of this.t.definitions.values()) {
        if (
          definition.processId === instance.processId &&
          definition.version > instance.definitionVersion
        )
          return Promise.reject(newerDefinition(instance));
      }
    }
    const record: InstanceRecord = { ...instance, lockVersion: 0 };
    this.put(this.t.instances, record.id, {
      ...record,
      startedAt: new Date(instance.startedAt),
      endedAt: instance.endedAt && new Date(instance.endedAt),
      state: storedState(instance.state),
    });
    // What was written, as the SQL store returns it: the caller's state, not the stored copy.
    return Promise.resolve(record);
  }

  lockInstance(id: string) {
    // Transactions are serialized, so holding the store is holding the row.
    return this.getInstance(id);
  }

  lockTaskInstance(taskId: string) {
    const task = this.t.tasks.get(taskId);
    const instance = task && this.t.instances.get(task.instanceId);
    // The task's arrays and JSON are frozen as stored, so the view shares them.
    return Promise.resolve(task && instance ? { task: taskView(task), instance: toRecord(instance) } : null);
  }

  lockJobInstance(jobId: string) {
    const job = this.t.jobs.get(jobId);
    const instance = job && this.t.instances.get(job.instanceId);
    return Promise.resolve(job && instance ? { job: jobView(job), instance: toRecord(instance) } : null);
  }

  findDefinitionHeader(processId: string, version?: number) {
    return this.findDefinition(processId, version);
  }

  saveInstance(
    id: string,
    update: { state: InstanceState; expectedLockVersion: number; endedAt: Date | null },
  ) {
    const row = this.t.instances.get(id);
    if (!row || row.lockVersion !== update.expectedLockVersion)
      return Promise.reject(new ConcurrentModification(id));
    this.put(this.t.instances, id, {
      ...row,
      state: storedState(update.state, row.state),
      status: update.state.status,
      hasIncident: update.state.incidents.length > 0,
      endedAt: update.endedAt,
      lockVersion: row.lockVersion + 1,
    });
    return Promise.resolve();
  }

  appendHistory(instanceId: string, events: HistoryEvent[]) {
    if (events.length === 0) return Promise.resolve();
    let list = this.t.history.get(instanceId);
    if (!list) {
      list = [];
      this.t.history.set(instanceId, list);
    }
    const { length } = list;
    for (const event of events) {
      // The events are the step's own; only their data may hold values of the caller worth copying.
      list.push(event.data === undefined || Object.isFrozen(event.data) ? event : { ...event, data: stored(event.data) });
    }
    this.t.historyLength += events.length;
    const added = events.length;
    const owned = list;
    this.journal.push(() => {
      owned.length = length;
      this.t.historyLength -= added;
      if (length === 0) this.t.history.delete(instanceId);
    });
    return Promise.resolve();
  }

  applyEffects(owner: EffectOwner, effects: readonly Effect[], now: Date) {
    for (const effect of effects) this.applyEffect(owner, effect, now);
    return Promise.resolve();
  }

  private applyEffect(owner: EffectOwner, effect: Effect, now: Date) {
    switch (effect.type) {
      case 'CreateTask':
        this.put(this.t.tasks, effect.task.id, withStored(taskRow(owner, effect.task, now), TASK_JSON));
        return;
      case 'UpdateTask':
        this.change(this.t.tasks, effect.taskId, stored(taskChanges(effect.changes)));
        return;
      case 'CancelTask': {
        const task = this.t.tasks.get(effect.taskId);
        if (task && cancellable(task)) this.change(this.t.tasks, effect.taskId, taskCancelled(now));
        return;
      }
      case 'CreateJob':
        this.put(this.t.jobs, effect.job.id, withStored(jobRow(owner, effect.job, now), JOB_JSON));
        return;
      case 'RetryJob':
        this.change(this.t.jobs, effect.jobId, jobRetried(effect));
        return;
      case 'CancelJob': {
        const status = this.t.jobs.get(effect.jobId)?.status;
        if (CANCELLABLE_JOB_STATUSES.some((cancellableStatus) => cancellableStatus === status)) {
          this.change(this.t.jobs, effect.jobId, JOB_CANCELLED);
        }
        return;
      }
      case 'CreateTimer':
        this.put(this.t.timers, effect.timer.id, timerRow(owner, effect.timer));
        return;
      case 'CancelTimer':
        this.remove(this.t.timers, effect.timerId);
        return;
      case 'OpenSubscription':
        this.put(this.t.subscriptions, effect.subscription.id, subscriptionRow(owner, effect.subscription, now));
        return;
      case 'CloseSubscription':
        this.remove(this.t.subscriptions, effect.subscriptionId);
        return;
      case 'SendMail': {
        const id = randomUUID();
        this.put(this.t.mails, id, withStored(mailRow(owner, effect.mail, now, id), ['data']));
        return;
      }
      case 'RecordApprovalDecision': {
        const row = decisionRow(owner, effect, randomUUID());
        if (row.taskId !== null && this.t.approvalDecisions.some((other) => other.taskId === row.taskId)) {
          throw new Error(`Expected task ${row.taskId} to be decided once, but it already has a decision`);
        }
        const length = this.t.approvalDecisions.length;
        this.t.approvalDecisions.push(row);
        this.journal.push(() => (this.t.approvalDecisions.length = length));
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

  completeTask(id: string, completion: { by: string | null; at: Date }) {
    this.change(this.t.tasks, id, taskCompleted(completion));
    return Promise.resolve();
  }

  completeJob(id: string) {
    this.change(this.t.jobs, id, JOB_COMPLETED);
    return Promise.resolve();
  }

  recordJobFailure(id: string, failure: { retries: number; errorMessage: string }) {
    const job = this.t.jobs.get(id);
    if (job) this.change(this.t.jobs, id, { ...jobFailed(failure), failures: job.failures + 1 });
    return Promise.resolve();
  }

  deleteTimer(id: string) {
    const existed = this.t.timers.has(id);
    this.remove(this.t.timers, id);
    return Promise.resolve(existed);
  }

  deleteSubscription(id: string) {
    this.remove(this.t.subscriptions, id);
    return Promise.resolve();
  }

  insertTimer(timer: Omit<TimerRecord, 'lockedBy' | 'lockExpiresAt'>) {
    this.put(this.t.timers, timer.id, { ...copy(timer), lockedBy: null, lockExpiresAt: null });
    return Promise.resolve();
  }

  deleteStartTimers(processId: string) {
    for (const timer of [...this.t.timers.values()]) {
      if (timer.instanceId === null && timer.processId === processId) this.remove(this.t.timers, timer.id);
    }
    return Promise.resolve();
  }

  replaceMessageStarts(processId: string, starts: readonly MessageStartRecord[]) {
    const previous = this.t.messageStarts.get(processId);
    this.t.messageStarts.set(processId, copy([...starts]));
    this.journal.push(() => {
      if (previous) this.t.messageStarts.set(processId, previous);
      else this.t.messageStarts.delete(processId);
    });
    return Promise.resolve();
  }

  findMessageStarts(messageName: string, kind: MessageStartRecord['kind']) {
    const found = [...this.t.messageStarts.values()]
      .flat()
      .filter((start) => start.messageName === messageName && start.kind === kind);
    return Promise.resolve(copy(found));
  }

  lockMessageKey() {
    // Memory transactions already run one at a time.
    return Promise.resolve();
  }

  insertMessage(message: MessageRecord) {
    this.put(this.t.messages, message.id, copy(message));
    return Promise.resolve();
  }

  findBufferedMessage(messageName: string, correlationKey: string, now: Date, instanceId: string) {
    const found = [...this.t.messages.values()]
      .filter(
        (message) =>
          message.name === messageName &&
          message.correlationKey === correlationKey &&
          message.expiresAt.getTime() > now.getTime() &&
          !this.t.correlations.has(`${message.id}/${instanceId}`),
      )
      .sort(byTime((message) => message.publishedAt))[0];
    return Promise.resolve(found ? copy(found) : null);
  }

  recordCorrelation(messageId: string, instanceId: string) {
    const key = `${messageId}/${instanceId}`;
    if (!this.t.correlations.has(key)) {
      this.t.correlations.add(key);
      this.journal.push(() => this.t.correlations.delete(key));
    }
    return Promise.resolve();
  }

  insertIncidents(owner: EffectOwner, incidents: readonly Incident[]) {
    for (const incident of incidents) this.put(this.t.incidents, incident.id, incidentRow(owner, incident));
    return Promise.resolve();
  }

  resolveIncidents(ids: readonly string[], resolution: { by: string | null; at: Date }) {
    for (const id of ids) {
      if (this.t.incidents.get(id)?.status === 'open') this.change(this.t.incidents, id, incidentResolved(resolution));
    }
    return Promise.resolve();
  }
}

export interface MemoryStore extends Store {
  /** Number of rows per table, for tests and the CLI. */
  size(): Record<string, number>;
}

export function createMemoryStore(): MemoryStore {
  const tables = new Tables();
  const reads = new MemoryReads(tables);
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every transaction queued before it, alone. */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }

  async function transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      const journal: NonNullable<Journal> = [];
      try {
        return await fn(new MemoryTransaction(tables, journal));
      } catch (error) {
        for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
        throw error;
      }
    });
  }

  const leasable = (row: { lockExpiresAt: Date | null }, now: Date) =>
    row.lockExpiresAt === null || row.lockExpiresAt.getTime() <= now.getTime();

  return {
    inProcess: true,
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
    transaction,

    claimJobs: ({ workerId, now, leaseMs, limit, types }) =>
      exclusive(() => {
        const claimed: JobView[] = [];
        const due = [...tables.activatable]
          .map((id) => tables.jobs.get(id)!)
          .filter(
            (job) =>
              job.status === 'activatable' &&
              job.dueAt.getTime() <= now.getTime() &&
              leasable(job, now) &&
              (types === undefined || types.includes(job.type)),
          )
          .sort(byTime((job) => job.dueAt));
        for (const job of due.slice(0, limit)) {
          const leased = {
            ...job,
            lockedBy: workerId,
            lockExpiresAt: new Date(now.getTime() + leaseMs),
          };
          tables.jobs.set(job.id, leased);
          claimed.push(copy(jobView(leased)));
        }
        return Promise.resolve(claimed);
      }),

    claimTimers: ({ workerId, now, leaseMs, limit }: ClaimOptions) =>
      exclusive(() => {
        const due = [...tables.timers.values()]
          .filter((timer) => timer.dueAt.getTime() <= now.getTime() && leasable(timer, now))
          .sort(byTime((timer) => timer.dueAt))
          .slice(0, limit);
        return Promise.resolve(
          due.map((timer) => {
            const leased = {
              ...timer,
              lockedBy: workerId,
              lockExpiresAt: new Date(now.getTime() + leaseMs),
            };
            tables.timers.set(timer.id, leased);
            return copy(leased);
          }),
        );
      }),

    claimMails: ({ now, leaseMs, limit }: ClaimOptions) =>
      exclusive(() => {
        const due = [...tables.mails.values()]
          .filter(
            (mail) => mail.status === 'pending' && mail.nextAttemptAt.getTime() <= now.getTime(),
          )
          .sort(byTime((mail) => mail.nextAttemptAt))
          .slice(0, limit);
        return Promise.resolve(
          due.map((mail) => {
            // Pushing the next attempt out by the lease is the lease: a crashed sender's mail comes back.
            const leased = {
              ...mail,
              attempts: mail.attempts + 1,
              nextAttemptAt: new Date(now.getTime() + leaseMs),
            };
            tables.mails.set(mail.id, leased);
            return copy(leased);
          }),
        );
      }),

    finishMail: (id, outcome) =>
      exclusive(() => {
        const mail = tables.mails.get(id);
        if (mail) {
          tables.mails.set(
            id,
            'sentAt' in outcome
              ? { ...mail, status: 'sent', sentAt: outcome.sentAt, lastError: null }
              : {
                  ...mail,
                  status: outcome.nextAttemptAt ? 'pending' : 'failed',
                  lastError: outcome.error,
                  nextAttemptAt: outcome.nextAttemptAt ?? mail.nextAttemptAt,
                },
          );
        }
        return Promise.resolve();
      }),

    size: () => ({
      definitions: tables.definitions.size,
      instances: tables.instances.size,
      tasks: tables.tasks.size,
      jobs: tables.jobs.size,
      timers: tables.timers.size,
      subscriptions: tables.subscriptions.size,
      messages: tables.messages.size,
      incidents: tables.incidents.size,
      mails: tables.mails.size,
      history: tables.historyLength,
      approvalDecisions: tables.approvalDecisions.length,
    }),
  };
}
