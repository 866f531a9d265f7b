/**
 * The persistence port. The engine runs every command inside
 * `Store.transaction`: it locks the instance row, runs the pure step, and writes
 * the new state, history and effect rows through the transaction, so either all
 * of it is stored or none. Adapters: memory.ts (tests, CLI) and postgres.ts.
 */
import type {
  ApprovalDecisionView,
  IncidentView,
  JobFilter,
  JobView,
  StoredHistoryEvent,
  TaskFilter,
  TaskView,
} from '../api';
import type {
  Effect,
  HistoryEvent,
  Incident,
  InstanceState,
  InstanceStatus,
  Json,
  Variables,
} from '../runtime/types';

export type { JobFilter, TaskFilter } from '../api';

export interface DefinitionRecord {
  id: string;
  processId: string;
  version: number;
  name: string | null;
  xml: string;
  deployedBy: string | null;
  deployedAt: Date;
}

/** A definition without its XML: what starting an instance needs once its graph is compiled. */
export type DefinitionHeader = Omit<DefinitionRecord, 'xml'>;

export interface InstanceRecord {
  id: string;
  definitionId: string;
  processId: string;
  definitionVersion: number;
  businessKey: string | null;
  status: InstanceStatus;
  hasIncident: boolean;
  startedBy: string | null;
  parentInstanceId: string | null;
  state: InstanceState;
  /** Incremented by every save; a save names the version it read. */
  lockVersion: number;
  startedAt: Date;
  endedAt: Date | null;
}

export interface TimerRecord {
  id: string;
  /** Null for the schedule of a timer start event (no instance yet); then processId and definitionId say what it starts. */
  instanceId: string | null;
  processId: string | null;
  definitionId: string | null;
  elementInstanceId: string;
  elementId: string;
  dueAt: Date;
  repetitions: number | null;
  interval: string | null;
  lockedBy: string | null;
  lockExpiresAt: Date | null;
}

export interface SubscriptionRecord {
  id: string;
  instanceId: string;
  elementInstanceId: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
  kind: 'message' | 'signal';
  createdAt: Date;
}

/** A published message kept for its time to live. */
export interface MessageRecord {
  id: string;
  name: string;
  correlationKey: string;
  variables: Variables;
  publishedAt: Date;
  expiresAt: Date;
}

/** A message or signal start event of a deployed process version. */
export interface MessageStartRecord {
  definitionId: string;
  processId: string;
  elementId: string;
  messageName: string;
  kind: 'message' | 'signal';
}

export interface MailRecord {
  id: string;
  instanceId: string | null;
  kind: string;
  to: string;
  subject: string | null;
  data: { [key: string]: Json };
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface IncidentFilter {
  instanceId?: string;
  status?: 'open' | 'resolved';
  limit?: number;
}

export interface InstanceFilter {
  processId?: string;
  status?: InstanceStatus;
  hasIncident?: boolean;
  parentInstanceId?: string;
  limit?: number;
  offset?: number;
}

export interface StoredIncident extends IncidentView {
  status: 'open' | 'resolved';
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** Who owns the rows an effect creates: the instance that produced it. */
export interface EffectOwner {
  instanceId: string;
  processId: string;
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/** Thrown by `saveInstance` when the row changed since it was read. */
export class ConcurrentModification extends Error {
  constructor(
    instanceId: string,
    message = `Expected instance ${instanceId} to be unchanged since it was loaded, but another command saved it first`,
  ) {
    super(message);
    this.name = 'ConcurrentModification';
  }
}

/** A new instance written with `whileLatest` found a newer version of its process deployed. */
export function newerDefinition(instance: {
  id: string;
  processId: string;
}): ConcurrentModification {
  return new ConcurrentModification(
    instance.id,
    `Expected instance ${instance.id} to start on the newest version of process ${instance.processId}, but a newer one was deployed`,
  );
}

/** Reads that do not need a transaction (views, lists). Also available inside one. */
export interface StoreReads {
  getDefinition(id: string): Promise<DefinitionRecord | null>;
  findDefinition(processId: string, version?: number): Promise<DefinitionRecord | null>;
  listDefinitions(processId?: string): Promise<DefinitionRecord[]>;
  getInstance(id: string): Promise<InstanceRecord | null>;
  listInstances(filter?: InstanceFilter): Promise<InstanceRecord[]>;
  history(instanceId: string): Promise<StoredHistoryEvent[]>;
  getTask(id: string): Promise<TaskView | null>;
  listTasks(filter?: TaskFilter): Promise<TaskView[]>;
  getJob(id: string): Promise<JobView | null>;
  listJobs(filter?: JobFilter): Promise<JobView[]>;
  getTimer(id: string): Promise<TimerRecord | null>;
  listTimers(filter?: { instanceId?: string }): Promise<TimerRecord[]>;
  listSubscriptions(filter?: {
    instanceId?: string;
    messageName?: string;
    correlationKey?: string;
    kind?: SubscriptionRecord['kind'];
  }): Promise<SubscriptionRecord[]>;
  getIncident(id: string): Promise<StoredIncident | null>;
  listIncidents(filter?: IncidentFilter): Promise<StoredIncident[]>;
  listMails(filter?: { status?: MailRecord['status'] }): Promise<MailRecord[]>;
  /** Decisions on approval tasks, oldest first. */
  listApprovalDecisions(filter: { instanceId?: string; taskId?: string }): Promise<ApprovalDecisionView[]>;
}

export interface StoreTransaction extends StoreReads {
  /**
   * Stores a new version of a process: the next version number for its process
   * id, assigned under a lock so that concurrent deployments get distinct ones.
   */
  insertDefinition(definition: Omit<DefinitionRecord, 'version'>): Promise<DefinitionRecord>;
  /**
   * Writes a new instance. With `whileLatest`, the write also checks that
   * its definition is still the newest version of its process, and fails the
   * transaction with ConcurrentModification when a newer one is deployed.
   */
  insertInstance(
    instance: Omit<InstanceRecord, 'lockVersion'>,
    options?: { whileLatest?: boolean },
  ): Promise<InstanceRecord>;
  /** Loads the instance and locks its row until the transaction ends. */
  lockInstance(id: string): Promise<InstanceRecord | null>;
  /**
   * Loads a task together with its instance and locks the instance row (not
   * the task's) until the transaction ends; the task is as committed when the
   * lock was granted. Null when the task or its instance does not exist.
   */
  lockTaskInstance(taskId: string): Promise<{ task: TaskView; instance: InstanceRecord } | null>;
  /** The same for a job. */
  lockJobInstance(jobId: string): Promise<{ job: JobView; instance: InstanceRecord } | null>;
  /** Like `findDefinition`, without the XML (a compiled graph is cached by definition id). */
  findDefinitionHeader(processId: string, version?: number): Promise<DefinitionHeader | null>;
  /** Saves the new state; throws ConcurrentModification when `expectedLockVersion` is stale. */
  saveInstance(
    id: string,
    update: { state: InstanceState; expectedLockVersion: number; endedAt: Date | null },
  ): Promise<void>;
  appendHistory(instanceId: string, events: HistoryEvent[]): Promise<void>;
  /**
   * Writes the rows of the effects that live in this store (tasks, jobs,
   * timers, subscriptions, mails). Effects on other instances
   * (StartChildInstance, CancelChildInstance, NotifyParent) are the engine's.
   */
  applyEffects(owner: EffectOwner, effects: readonly Effect[], now: Date): Promise<void>;
  completeTask(id: string, completion: { by: string | null; at: Date }): Promise<void>;
  completeJob(id: string): Promise<void>;
  /**
   * Counts a failure of the job and keeps its message; with no retries left the
   * job becomes 'failed' until its incident is retried (a RetryJob effect).
   */
  recordJobFailure(id: string, failure: { retries: number; errorMessage: string }): Promise<void>;
  /** Deletes the timer row; false when there was none (it fired or was cancelled concurrently). */
  deleteTimer(id: string): Promise<boolean>;
  deleteSubscription(id: string): Promise<void>;
  /** A timer row written by the engine itself rather than by an effect (timer start event schedules). */
  insertTimer(timer: Omit<TimerRecord, 'lockedBy' | 'lockExpiresAt'>): Promise<void>;
  /** Removes the timer start schedules of every version of a process (a redeploy replaces them). */
  deleteStartTimers(processId: string): Promise<void>;
  /** Replaces the message start events of a process with those of its newest version. */
  replaceMessageStarts(processId: string, starts: readonly MessageStartRecord[]): Promise<void>;
  findMessageStarts(messageName: string, kind: MessageStartRecord['kind']): Promise<MessageStartRecord[]>;
  /**
   * Serializes, until the transaction ends, everything that correlates a
   * message name + correlation key: publishing and opening a subscription, so
   * a message and a subscription created at the same time always meet.
   */
  lockMessageKey(messageName: string, correlationKey: string): Promise<void>;
  insertMessage(message: MessageRecord): Promise<void>;
  /** The oldest unexpired buffered message with this name and key that has not reached this instance yet. */
  findBufferedMessage(messageName: string, correlationKey: string, now: Date, instanceId: string): Promise<MessageRecord | null>;
  recordCorrelation(messageId: string, instanceId: string): Promise<void>;
  insertIncidents(owner: EffectOwner, incidents: readonly Incident[]): Promise<void>;
  resolveIncidents(
    ids: readonly string[],
    resolution: { by: string | null; at: Date },
  ): Promise<void>;
}

export interface Store extends StoreReads {
  /**
   * The rows live in this process, so reading an instance costs less than
   * keeping a copy of it: engines on such a store keep none (see
   * EngineOptions.knownInstances).
   */
  readonly inProcess?: boolean;
  /** Runs `fn` in one transaction: all of its writes are stored, or none when it throws. */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /**
   * Leases up to `limit` due, activatable jobs of the given types to a worker:
   * rows another worker is claiming right now are skipped, rows whose lease ran
   * out are claimed again.
   */
  claimJobs(options: ClaimOptions & { types?: readonly string[] }): Promise<JobView[]>;
  /** Leases due timers the same way. */
  claimTimers(options: ClaimOptions): Promise<TimerRecord[]>;
  /** Leases pending mails whose next attempt is due. */
  claimMails(options: ClaimOptions): Promise<MailRecord[]>;
  /** Records the outcome of a mail attempt. */
  finishMail(
    id: string,
    outcome: { sentAt: Date } | { error: string; nextAttemptAt: Date | null },
  ): Promise<void>;
}
