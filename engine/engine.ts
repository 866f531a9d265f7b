/**
 * The command runner. Each public call is one store transaction: lock the
 * instance, run the pure step, write the new state, its history and the rows of
 * its effects. Effects that reach other instances (a call activity starting its
 * child, a child reporting back, a cancelled parent cancelling its children)
 * run in the same transaction, so a parent and its child never disagree.
 * Completing a job or a task of an instance this engine saved last starts from
 * that saved copy instead of the locking read, and a start from the newest
 * definition as the last start read it; the write's checks (the instance's
 * lock version, no newer definition) then stand in for the read (see
 * known-instances.ts).
 */
import { randomUUID } from 'node:crypto';
import type {
  DeployedDefinition,
  Engine,
  PublishedMessage,
  IncidentView,
  InstanceView,
  StoredHistoryEvent,
} from './api';
import { DeploymentRejected } from './api';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { compileAll } from './model';
import type { ProcessGraph } from './model/graph';
import { evaluateExpression } from './expressions';
import { jobIsActive, nextFiring, step, timerStartSchedule } from './runtime';
import type { Command, InstanceState, StepContext, StepResult, Variables } from './runtime/types';
import { CommandRejected } from './runtime/types';
import type {
  DefinitionHeader,
  DefinitionRecord,
  InstanceRecord,
  MessageStartRecord,
  Store,
  StoreTransaction,
  SubscriptionRecord,
} from './store/port';
import { ConcurrentModification } from './store/port';
import { elementInstanceOfTask, resolveApprover, taskIsOpen, type ApprovalPorts } from './approval';
import { KnownInstances } from './known-instances';
import type { Directory, ExchangeRate } from './authority';

export interface EngineOptions {
  store: Store;
  clock?: Clock;
  /** Source of ids for instances, element instances and definitions. */
  newId?: () => string;
  /** Bound on element transitions per command; past it the command ends in an incident. */
  maxSteps?: number;
  /** Bound on instances one command may touch through call activities (parent ↔ child). */
  maxCascade?: number;
  /** Attempts for a command that lost a deadlock or a version check to a concurrent one. */
  maxAttempts?: number;
  /**
   * How many instances this engine keeps as it saved them last, so that
   * completing one of their jobs or tasks skips the locking read (and a start
   * the read of the newest definition); 0 keeps nothing. Default 1000, and 0
   * on a store whose rows live in this process (the memory store).
   */
  knownInstances?: number;
  /**
   * The org chart approval tasks read. A function is called per transaction,
   * so an adapter can read in the engine's own transaction. Without it an
   * approval task raises an incident.
   */
  directory?: Directory | ((tx: StoreTransaction) => Directory);
  /** The currency authority limits are in; default USD. */
  companyCurrency?: string;
  /** The exchange rate into the company currency for a request in another currency. */
  exchangeRate?: (currency: string, at: Date, tx: StoreTransaction) => Promise<ExchangeRate | null>;
}

/** The engine plus the store it runs on (workers and the CLI need both). */
export interface RunningEngine extends Engine {
  readonly store: Store;
  readonly clock: Clock;
}

type StartCommand = Extract<Command, { type: 'StartInstance' }>;

/** One unit of work inside a command's transaction. */
type Work =
  | {
      kind: 'start';
      definition: DefinitionHeader;
      command: StartCommand;
      /** The definition was kept from an earlier start: the write checks it is still the newest. */
      whileLatest?: boolean;
    }
  | {
      kind: 'command';
      instanceId: string;
      command: Command;
      /** Skip quietly when the element instance is gone (a child reporting to a parent that moved on). */
      whileElementLives?: string;
    };

const NO_VARIABLES = { get: () => undefined, toObject: () => ({}) };

/** What one attempt at a command's transaction saved, and what it took from what the engine keeps. */
interface Attempt {
  /** Whether this attempt may start from what the engine keeps (instances as saved, newest definitions). */
  mayUseKnown: boolean;
  /** The instance it started from a kept copy of, unlocked. */
  usedKnown: string | null;
  /** The process whose kept newest definition it started an instance of. */
  usedNewest: string | null;
  /** The newest definition of a process, as read in this attempt. */
  readNewest: DefinitionHeader | null;
  saved: Map<string, InstanceRecord>;
  /** Tasks and jobs created, with their instance. */
  owned: Array<[string, string]>;
}

const RETRYABLE_SQL_STATES = new Set(['40001', '40P01']);

function isRetryable(error: unknown): boolean {
  if (error instanceof ConcurrentModification) return true;
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_SQL_STATES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function toDeployed(row: DefinitionRecord): DeployedDefinition {
  return {
    id: row.id,
    processId: row.processId,
    version: row.version,
    name: row.name,
    deployedBy: row.deployedBy,
    deployedAt: row.deployedAt,
  };
}

export function toInstanceView(row: InstanceRecord): InstanceView {
  const { state } = row;
  const incidents: IncidentView[] = state.incidents.map((incident) => ({
    ...incident,
    instanceId: row.id,
    processId: row.processId,
    createdAt: new Date(incident.createdAt),
  }));
  return {
    id: row.id,
    processId: row.processId,
    definitionVersion: row.definitionVersion,
    status: state.status,
    businessKey: row.businessKey,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    activeElementIds: Object.values(state.elements)
      .filter((element) => element.scopeId !== null)
      .map((element) => element.elementId),
    variables: state.variables[row.id] ?? {},
    incidents,
    state,
  };
}

export function createEngine(options: EngineOptions): RunningEngine {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const maxCascade = options.maxCascade ?? 1000;
  const knownCapacity = options.knownInstances ?? (store.inProcess ? 0 : 1000);
  const known = knownCapacity > 0 ? new KnownInstances(knownCapacity) : null;
  /** The attempt each running transaction belongs to. */
  const attempts = new Map<StoreTransaction, Attempt>();
  /** The newest definition of each process, as the last start here read it. */
  const newest = new Map<string, DefinitionHeader>();
  const maxAttempts = options.maxAttempts ?? 5;
  const graphs = new Map<string, Promise<ProcessGraph>>();

  /** Definitions never change once deployed, so their compiled graphs are kept for good. */
  function graphOf(definition: DefinitionRecord): Promise<ProcessGraph> {
    let graph = graphs.get(definition.id);
    if (!graph) {
      graph = compileAll(definition.xml).then((compiled) => {
        const found = compiled.ok
          ? compiled.graphs.find((candidate) => candidate.processId === definition.processId)
          : undefined;
        if (found) return found;
        throw new Error(
          `Expected deployed process ${definition.processId} v${definition.version} to compile, but: ` +
            (compiled.ok
              ? 'the file no longer contains it'
              : compiled.problems.map((problem) => problem.message).join('; ')),
        );
      });
      graph.catch(() => graphs.delete(definition.id));
      graphs.set(definition.id, graph);
    }
    return graph;
  }

  function approvalPorts(tx: StoreTransaction): ApprovalPorts | null {
    const { directory, exchangeRate } = options;
    if (!directory) return null;
    const ports: ApprovalPorts = {
      directory: typeof directory === 'function' ? directory(tx) : directory,
      companyCurrency: options.companyCurrency ?? 'USD',
    };
    if (exchangeRate) ports.exchangeRate = (currency, at) => exchangeRate(currency, at, tx);
    return ports;
  }

  function context(now: number): StepContext {
    const ctx: StepContext = { now, newId };
    if (options.maxSteps !== undefined) ctx.maxSteps = options.maxSteps;
    return ctx;
  }

  /** The compiled graph of a definition; its XML is read only when the graph is not cached yet. */
  async function graphById(tx: StoreTransaction, id: string): Promise<ProcessGraph> {
    const cached = graphs.get(id);
    if (cached) return cached;
    const definition = await tx.getDefinition(id);
    if (!definition) throw new Error(`Expected definition ${id} to exist, but it does not`);
    return graphOf(definition);
  }

  /** Writes what one step produced for one instance, and queues what it asks of other instances. */
  async function persist(
    tx: StoreTransaction,
    record: InstanceRecord,
    previous: InstanceState | null,
    result: StepResult,
    command: Command,
    now: Date,
    queue: Work[],
  ): Promise<InstanceRecord> {
    const { state, effects } = result;
    const owner = { instanceId: record.id, processId: record.processId };
    const endedAt = state.status === 'active' ? null : (record.endedAt ?? now);
    let saved = record;
    if (previous) {
      await tx.saveInstance(record.id, { state, expectedLockVersion: record.lockVersion, endedAt });
      saved = {
        ...record,
        state,
        status: state.status,
        hasIncident: state.incidents.length > 0,
        endedAt,
        lockVersion: record.lockVersion + 1,
      };
    }
    await tx.appendHistory(record.id, result.history);
    const attempt = attempts.get(tx);
    if (attempt) {
      attempt.saved.set(saved.id, saved);
      for (const effect of effects) {
        if (effect.type === 'CreateTask') attempt.owned.push([effect.task.id, saved.id]);
        else if (effect.type === 'CreateJob') attempt.owned.push([effect.job.id, saved.id]);
      }
    }

    const by = 'by' in command ? (command.by ?? null) : null;
    switch (command.type) {
      case 'CompleteTask':
        await tx.completeTask(command.taskId ?? command.elementInstanceId, { by, at: now });
        break;
      case 'CompleteJob':
        await tx.completeJob(command.elementInstanceId);
        break;
      case 'FailJob':
        await tx.recordJobFailure(command.elementInstanceId, {
          retries: command.retries,
          errorMessage: command.errorMessage,
        });
        break;
      case 'ThrowError': {
        const uncaught = state.incidents.some(
          (incident) => incident.elementInstanceId === command.elementInstanceId,
        );
        if (uncaught) {
          await tx.recordJobFailure(command.elementInstanceId, {
            retries: 0,
            errorMessage: command.errorMessage ?? `Error ${command.errorCode} was thrown`,
          });
        } else {
          await tx.completeJob(command.elementInstanceId);
        }
        break;
      }
      case 'TriggerTimer':
        await tx.deleteTimer(command.timerId);
        break;
      case 'ThrowErrorAtCallActivity': {
        // Still waiting, with no caller above to throw it on to: nothing caught the error, and it becomes an incident where it was thrown.
        if (state.parent || !state.elements[command.elementInstanceId]) break;
        const { thrownAt, errorCode, errorMessage } = command.error;
        queue.push({
          kind: 'command',
          instanceId: thrownAt.instanceId,
          command: {
            type: 'RaiseUncaughtError',
            elementInstanceId: thrownAt.elementInstanceId,
            errorCode,
            errorMessage,
          },
        });
        break;
      }
      case 'RaiseUncaughtError': {
        // A job whose error nobody caught fails, as it does when its own instance does not catch it.
        const incident = state.incidents.find(
          (candidate) => candidate.elementInstanceId === command.elementInstanceId,
        );
        if (incident && state.elements[command.elementInstanceId]?.data?.['wait'] === 'job') {
          await tx.recordJobFailure(command.elementInstanceId, {
            retries: 0,
            errorMessage: incident.message,
          });
        }
        break;
      }
      case 'StartInstance':
      case 'CorrelateMessage':
      case 'CompleteCallActivity':
      case 'RaiseCalledElementError':
      case 'SetVariables':
      case 'RetryIncident':
      case 'CancelInstance':
      case 'AssignApprover':
      case 'AssignTask':
        break;
    }

    await tx.applyEffects(owner, effects, now);

    const before = new Set((previous?.incidents ?? []).map((incident) => incident.id));
    const after = new Set(state.incidents.map((incident) => incident.id));
    await tx.insertIncidents(
      owner,
      state.incidents.filter((incident) => !before.has(incident.id)),
    );
    await tx.resolveIncidents(
      [...before].filter((id) => !after.has(id)),
      { by, at: now },
    );

    for (const effect of effects) {
      switch (effect.type) {
        case 'StartChildInstance': {
          const definition = await tx.findDefinition(effect.processId);
          if (!definition) {
            // Not a rejection: the call activity waits with an incident until the process is deployed and the incident retried.
            queue.push({
              kind: 'command',
              instanceId: record.id,
              command: {
                type: 'RaiseCalledElementError',
                elementInstanceId: effect.parentElementInstanceId,
                childInstanceId: effect.childInstanceId,
                processId: effect.processId,
              },
              whileElementLives: effect.parentElementInstanceId,
            });
            break;
          }
          const start: StartCommand = {
            type: 'StartInstance',
            instanceId: effect.childInstanceId,
            variables: effect.variables,
            parent: { instanceId: record.id, elementInstanceId: effect.parentElementInstanceId },
          };
          if (record.startedBy !== null) start.startedBy = record.startedBy;
          if (record.businessKey !== null) start.businessKey = record.businessKey;
          queue.push({ kind: 'start', definition, command: start });
          break;
        }
        case 'CancelChildInstance':
          queue.push({
            kind: 'command',
            instanceId: effect.childInstanceId,
            command: {
              type: 'CancelInstance',
              reason: 'The calling instance no longer waits for it',
            },
          });
          break;
        case 'NotifyParent':
          // A child that was cancelled from its parent has nothing to report: the parent moved on.
          if (effect.outcome === 'completed') {
            queue.push({
              kind: 'command',
              instanceId: effect.parentInstanceId,
              command: {
                type: 'CompleteCallActivity',
                elementInstanceId: effect.parentElementInstanceId,
                variables: effect.variables,
              },
              whileElementLives: effect.parentElementInstanceId,
            });
          } else if (effect.outcome === 'error') {
            // The thrower waits on the answer, so the call activity must still be there to take the error.
            queue.push({
              kind: 'command',
              instanceId: effect.parentInstanceId,
              command: {
                type: 'ThrowErrorAtCallActivity',
                elementInstanceId: effect.parentElementInstanceId,
                error: effect.error,
              },
            });
          }
          break;
        case 'ResolveApprover':
          // Answered now, from the org chart as it is in this transaction, and fed back to the same instance.
          queue.push({
            kind: 'command',
            instanceId: record.id,
            command: {
              type: 'AssignApprover',
              elementInstanceId: effect.elementInstanceId,
              answer: await resolveApprover(effect.query, approvalPorts(tx), {
                at: now,
                startedBy: record.startedBy,
              }),
            },
            whileElementLives: effect.elementInstanceId,
          });
          break;
        case 'OpenSubscription': {
          // A message published before this subscription opened, and still alive, is correlated now.
          const { subscription } = effect;
          await tx.lockMessageKey(subscription.messageName, subscription.correlationKey);
          const message = await tx.findBufferedMessage(
            subscription.messageName,
            subscription.correlationKey,
            now,
            record.id,
          );
          if (!message) break;
          await tx.recordCorrelation(message.id, record.id);
          queue.push({
            kind: 'command',
            instanceId: record.id,
            command: {
              type: 'CorrelateMessage',
              elementInstanceId: subscription.elementInstanceId,
              messageName: subscription.messageName,
              subscriptionId: subscription.id,
              variables: message.variables,
            },
            whileElementLives: subscription.elementInstanceId,
          });
          break;
        }
        case 'BroadcastSignal': {
          // Every instance waiting for the signal now gets it, in this transaction, and signal start events start.
          for (const subscription of await tx.listSubscriptions({
            messageName: effect.signalName,
            kind: 'signal',
          })) {
            queue.push({
              kind: 'command',
              instanceId: subscription.instanceId,
              command: {
                type: 'CorrelateMessage',
                elementInstanceId: subscription.elementInstanceId,
                messageName: subscription.messageName,
                subscriptionId: subscription.id,
                variables: effect.variables,
              },
              whileElementLives: subscription.elementInstanceId,
            });
          }
          for (const start of await tx.findMessageStarts(effect.signalName, 'signal')) {
            const definition = await tx.getDefinition(start.definitionId);
            if (!definition) continue;
            queue.push({
              kind: 'start',
              definition,
              command: {
                type: 'StartInstance',
                instanceId: newId(),
                variables: effect.variables,
                startEventId: start.elementId,
                definitionVersion: definition.version,
              },
            });
          }
          break;
        }
        case 'RecordApprovalDecision':
        case 'CreateTask':
        case 'UpdateTask':
        case 'CancelTask':
        case 'CreateJob':
        case 'RetryJob':
        case 'CancelJob':
        case 'CreateTimer':
        case 'CancelTimer':
        case 'CloseSubscription':
        case 'SendMail':
          break;
      }
    }
    return saved;
  }

  /**
   * Runs the work and everything it cascades into; returns the first instance
   * touched, as saved. `locked` are instances this transaction already holds.
   */
  async function execute(
    tx: StoreTransaction,
    first: Work,
    locked: InstanceRecord[] = [],
  ): Promise<InstanceRecord> {
    const queue: Work[] = [first];
    const held = new Map(locked.map((record) => [record.id, record]));
    const now = clock.now();
    const nowDate = new Date(now);
    let rootId: string | null = null;
    for (let processed = 0; queue.length > 0; processed++) {
      if (processed >= maxCascade) {
        throw new Error(
          `Expected a command to touch at most ${maxCascade} instances, but it kept cascading`,
        );
      }
      const work = queue.shift()!;
      if (work.kind === 'start') {
        const { definition, command } = work;
        const graph = await graphById(tx, definition.id);
        const result = step(graph, null, command, context(now));
        const record = await tx.insertInstance(
          {
            id: command.instanceId,
            definitionId: definition.id,
            processId: definition.processId,
            definitionVersion: definition.version,
            businessKey: command.businessKey ?? null,
            status: result.state.status,
            hasIncident: result.state.incidents.length > 0,
            startedBy: command.startedBy ?? null,
            parentInstanceId: command.parent?.instanceId ?? null,
            state: result.state,
            startedAt: nowDate,
            endedAt: result.state.status === 'active' ? null : nowDate,
          },
          work.whileLatest ? { whileLatest: true } : {},
        );
        rootId ??= record.id;
        held.set(record.id, await persist(tx, record, null, result, command, nowDate, queue));
        continue;
      }
      const record = held.get(work.instanceId) ?? (await tx.lockInstance(work.instanceId));
      if (!record) {
        if (work.whileElementLives !== undefined || work.command.type === 'CancelInstance')
          continue;
        throw new CommandRejected(
          'NOT_FOUND',
          `Expected process instance ${work.instanceId} to exist, but it does not`,
        );
      }
      held.set(record.id, record);
      rootId ??= record.id;
      if (work.whileElementLives !== undefined && !record.state.elements[work.whileElementLives])
        continue;
      if (
        processed > 0 &&
        work.command.type === 'CancelInstance' &&
        record.state.status !== 'active'
      )
        continue;
      const graph = await graphById(tx, record.definitionId);
      let result: StepResult;
      try {
        result = step(graph, record.state, work.command, context(now));
      } catch (error) {
        // Follow-up work for an element that has moved on in the meantime has nothing left to do.
        if (
          processed > 0 &&
          work.whileElementLives !== undefined &&
          error instanceof CommandRejected
        )
          continue;
        throw error;
      }
      held.set(
        record.id,
        await persist(tx, record, record.state, result, work.command, nowDate, queue),
      );
    }
    return held.get(rootId!)!;
  }

  /**
   * One transaction, retried when it lost a deadlock or a version check to a
   * concurrent command. An attempt that started from a kept copy and was
   * refused, by the version check or by the step, runs again with the locking
   * read, so what the command answers is what the database holds.
   */
  async function transact<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let mayUseKnown = true;
    for (let count = 1; ; count++) {
      // An engine that keeps nothing has nothing to note, and runs `fn` as it is.
      const attempt: Attempt | null = known && {
        mayUseKnown,
        usedKnown: null,
        usedNewest: null,
        readNewest: null,
        saved: new Map(),
        owned: [],
      };
      try {
        const result = await store.transaction(attempt ? (tx) => tracked(tx, attempt, fn) : fn);
        if (attempt) keep(attempt);
        return result;
      } catch (error) {
        if (
          attempt &&
          forgetAfterFailure(attempt) &&
          (isRetryable(error) || error instanceof CommandRejected)
        ) {
          mayUseKnown = false;
          count--;
          continue;
        }
        if (count >= maxAttempts || !isRetryable(error)) throw error;
      }
    }
  }

  /** Runs `fn` with its attempt findable from the transaction, until it ends. */
  async function tracked<T>(
    tx: StoreTransaction,
    attempt: Attempt,
    fn: (tx: StoreTransaction) => Promise<T>,
  ): Promise<T> {
    attempts.set(tx, attempt);
    try {
      return await fn(tx);
    } finally {
      attempts.delete(tx);
    }
  }

  /**
   * After a failed attempt: what it used or saved is not known any more.
   * True when it started from something kept, so the command can run again
   * without it.
   */
  function forgetAfterFailure(attempt: Attempt): boolean {
    if (attempt.usedKnown !== null) known?.forget(attempt.usedKnown);
    if (attempt.usedNewest !== null) newest.delete(attempt.usedNewest);
    for (const id of attempt.saved.keys()) known?.forget(id);
    return attempt.usedKnown !== null || attempt.usedNewest !== null;
  }

  /** After a commit: the instances as saved, for the next command on them, and the newest definition read. */
  function keep(attempt: Attempt): void {
    if (!known) return;
    const read = attempt.readNewest;
    if (read) {
      if (newest.size >= knownCapacity) newest.clear();
      newest.set(read.processId, read);
    }
    for (const record of attempt.saved.values()) {
      if (record.status === 'active') known.remember(record);
      else known.forget(record.id);
    }
    for (const [rowId, instanceId] of attempt.owned) known.own(rowId, instanceId);
  }

  /**
   * The definition a start runs: a requested version from the store; the
   * newest as the last start here read it, when this attempt may use it (the
   * instance's write then checks that it is still the newest); else the
   * newest from the store.
   */
  async function definitionToStart(
    tx: StoreTransaction,
    processId: string,
    version: number | undefined,
  ): Promise<{ definition: DefinitionHeader | null; kept: boolean }> {
    const attempt = attempts.get(tx);
    if (version === undefined && attempt?.mayUseKnown) {
      const kept = newest.get(processId);
      if (kept) {
        attempt.usedNewest = processId;
        return { definition: kept, kept: true };
      }
    }
    const definition = await tx.findDefinitionHeader(processId, version);
    if (definition && version === undefined && attempt) attempt.readNewest = definition;
    return { definition, kept: false };
  }

  /**
   * The kept copy of the instance a job or task belongs to, when this
   * attempt may start from it and the copy has the job or task still waiting;
   * else null, and the command takes the locking read.
   */
  function knownOwner(
    tx: StoreTransaction,
    rowId: string,
    waiting: (state: InstanceState) => boolean,
  ): InstanceRecord | null {
    const attempt = attempts.get(tx);
    if (!known || !attempt?.mayUseKnown) return null;
    const record = known.ownerOf(rowId);
    if (!record || !waiting(record.state)) return null;
    attempt.usedKnown = record.id;
    return record;
  }

  /** Locks the instance first, then checks the row the command is about, so two racing commands see each other. */
  async function runOn(
    tx: StoreTransaction,
    instanceId: string,
    check: (locked: InstanceRecord) => Promise<void>,
    command: Command,
  ): Promise<InstanceView> {
    const locked = await tx.lockInstance(instanceId);
    if (!locked)
      throw new CommandRejected(
        'NOT_FOUND',
        `Expected process instance ${instanceId} to exist, but it does not`,
      );
    await check(locked);
    return runLocked(tx, locked, command);
  }

  async function runLocked(
    tx: StoreTransaction,
    locked: InstanceRecord,
    command: Command,
  ): Promise<InstanceView> {
    return toInstanceView(
      await execute(tx, { kind: 'command', instanceId: locked.id, command }, [locked]),
    );
  }

  function jobCommand(jobId: string, command: Command): Promise<InstanceView> {
    return transact(async (tx) => {
      const kept = knownOwner(tx, jobId, (state) => jobIsActive(state, jobId));
      if (kept) return runLocked(tx, kept, command);
      const found = await tx.lockJobInstance(jobId);
      if (!found) return rejectMissing(tx, jobId, 'job');
      if (found.job.status !== 'activatable') {
        throw new CommandRejected(
          'INVALID_STATE',
          `Expected job ${jobId} to be active, but it is ${found.job.status}`,
        );
      }
      return runLocked(tx, found.instance, command);
    });
  }

  /** Why a task or job could not be loaded with its instance: the row or the instance is missing. */
  async function rejectMissing(
    tx: StoreTransaction,
    id: string,
    kind: 'task' | 'job',
  ): Promise<never> {
    const row = kind === 'task' ? await tx.getTask(id) : await tx.getJob(id);
    if (!row)
      throw new CommandRejected('NOT_FOUND', `Expected ${kind} ${id} to exist, but it does not`);
    throw new CommandRejected(
      'NOT_FOUND',
      `Expected process instance ${row.instanceId} to exist, but it does not`,
    );
  }

  /**
   * The task and its instance in one read that locks the instance, so two
   * commands racing on one task see each other; refused unless the task is open.
   */
  async function lockOpenTask(tx: StoreTransaction, taskId: string) {
    const found = await tx.lockTaskInstance(taskId);
    if (!found) return rejectMissing(tx, taskId, 'task');
    const { task } = found;
    if (task.status !== 'open') {
      const who = task.completedBy ? ` by ${task.completedBy}` : '';
      throw new CommandRejected(
        'INVALID_STATE',
        `Expected task ${taskId} to be open, but it was ${task.status}${who}`,
      );
    }
    return found;
  }

  /** Delivers a message to one subscription; false when its element has moved on since the row was read. */
  async function deliver(
    tx: StoreTransaction,
    subscription: SubscriptionRecord,
    variables: Variables,
  ): Promise<InstanceRecord | null> {
    const locked = await tx.lockInstance(subscription.instanceId);
    const triggers = locked?.state.elements[subscription.elementInstanceId]?.data?.['triggers'];
    if (
      !locked ||
      locked.status !== 'active' ||
      triggers === null ||
      typeof triggers !== 'object' ||
      Array.isArray(triggers) ||
      !(subscription.id in triggers)
    ) {
      return null;
    }
    const command: Command = {
      type: 'CorrelateMessage',
      elementInstanceId: subscription.elementInstanceId,
      messageName: subscription.messageName,
      subscriptionId: subscription.id,
      variables,
    };
    return execute(tx, { kind: 'command', instanceId: locked.id, command }, [locked]);
  }

  /** Starts an instance of each process whose newest version has a message (or signal) start event of this name. */
  async function startByMessage(
    tx: StoreTransaction,
    name: string,
    variables: Variables,
    kind: MessageStartRecord['kind'] = 'message',
  ): Promise<InstanceRecord[]> {
    const started: InstanceRecord[] = [];
    for (const start of await tx.findMessageStarts(name, kind)) {
      const definition = await tx.getDefinition(start.definitionId);
      if (!definition) continue;
      const command: StartCommand = {
        type: 'StartInstance',
        instanceId: newId(),
        variables,
        startEventId: start.elementId,
        definitionVersion: definition.version,
      };
      started.push(await execute(tx, { kind: 'start', definition, command }));
    }
    return started;
  }

  /** A redeploy replaces the schedules of timer start events and the message start events of the process. */
  async function scheduleStarts(
    tx: StoreTransaction,
    definition: DefinitionRecord,
    graph: ProcessGraph,
  ): Promise<void> {
    await tx.deleteStartTimers(graph.processId);
    for (const start of graph.timerStartEvents) {
      const schedule = timerStartSchedule(
        start.timer,
        evaluateExpression(start.timer.expression, NO_VARIABLES),
        clock.now(),
        start.id,
      );
      if (!schedule.ok)
        throw new DeploymentRejected([{ elementId: start.id, message: schedule.message }]);
      await tx.insertTimer({
        id: newId(),
        instanceId: null,
        processId: graph.processId,
        definitionId: definition.id,
        elementInstanceId: '',
        elementId: start.id,
        dueAt: new Date(schedule.dueAt),
        repetitions: schedule.remaining,
        interval: schedule.interval,
      });
    }
    await tx.replaceMessageStarts(graph.processId, [
      ...graph.messageStartEvents.map((start) => ({
        definitionId: definition.id,
        processId: graph.processId,
        elementId: start.id,
        messageName: start.messageName,
        kind: 'message' as const,
      })),
      ...graph.signalStartEvents.map((start) => ({
        definitionId: definition.id,
        processId: graph.processId,
        elementId: start.id,
        messageName: start.signalName,
        kind: 'signal' as const,
      })),
    ]);
  }

  const engine: RunningEngine = {
    store,
    clock,

    async deploy(xml, deployOptions = {}) {
      // Every executable process of the file is deployed (a collaboration, a caller and its callee); the first is returned.
      const compiled = await compileAll(xml);
      if (!compiled.ok) throw new DeploymentRejected(compiled.problems);
      const first = await transact(async (tx) => {
        const deployed: DeployedDefinition[] = [];
        for (const graph of compiled.graphs) {
          const latest = await tx.findDefinition(graph.processId);
          // Deploying the diagram that is already the latest version is a no-op, as in Zeebe.
          if (latest && latest.xml === xml) {
            deployed.push(toDeployed(latest));
            continue;
          }
          const definition = await tx.insertDefinition({
            id: newId(),
            processId: graph.processId,
            name: graph.name,
            xml,
            deployedBy: deployOptions.deployedBy ?? null,
            deployedAt: new Date(clock.now()),
          });
          graphs.set(definition.id, Promise.resolve(graph));
          await scheduleStarts(tx, definition, graph);
          deployed.push(toDeployed(definition));
        }
        const [first] = deployed;
        if (!first)
          throw new DeploymentRejected([
            { elementId: null, message: 'Expected an executable process, but the file has none' },
          ]);
        return first;
      });
      // The next start reads the newest version again, rather than find out from its failed write.
      for (const graph of compiled.graphs) newest.delete(graph.processId);
      return first;
    },

    start(processId, startOptions = {}) {
      return transact(async (tx) => {
        const { definition, kept } = await definitionToStart(tx, processId, startOptions.version);
        if (!definition) {
          const which =
            startOptions.version === undefined ? '' : ` version ${startOptions.version}`;
          throw new CommandRejected(
            'NOT_FOUND',
            `Expected process ${processId}${which} to be deployed, but it is not`,
          );
        }
        const command: StartCommand = { type: 'StartInstance', instanceId: newId() };
        if (startOptions.variables !== undefined) command.variables = startOptions.variables;
        if (startOptions.startedBy !== undefined) command.startedBy = startOptions.startedBy;
        if (startOptions.businessKey !== undefined) command.businessKey = startOptions.businessKey;
        return toInstanceView(
          await execute(tx, { kind: 'start', definition, command, whileLatest: kept }),
        );
      });
    },

    completeTask(taskId, variables, by, completion = {}) {
      return transact(async (tx) => {
        const locked =
          knownOwner(tx, taskId, (state) => taskIsOpen(state, taskId)) ??
          (await lockOpenTask(tx, taskId)).instance;
        const command: Extract<Command, { type: 'CompleteTask' }> = {
          type: 'CompleteTask',
          elementInstanceId: elementInstanceOfTask(locked.state, taskId),
          taskId,
        };
        if (variables !== undefined) command.variables = variables;
        if (by !== undefined) command.by = by;
        if (completion.channel !== undefined) command.channel = completion.channel;
        return runLocked(tx, locked, command);
      });
    },

    assignTask(taskId, assignment) {
      return transact(async (tx) => {
        const { task, instance: locked } = await lockOpenTask(tx, taskId);
        const elementInstanceId = elementInstanceOfTask(locked.state, taskId);
        const command: Extract<Command, { type: 'AssignTask' }> = {
          type: 'AssignTask',
          elementInstanceId,
          taskId,
          assignee: assignment.assignee,
          by: assignment.by,
          action: assignment.action,
          task: { assignee: task.assignee, details: task.details },
        };
        if (assignment.expectedAssignee !== undefined)
          command.expectedAssignee = assignment.expectedAssignee;
        // An approval task's new assignee is looked up in the org chart as this transaction sees it.
        const directory = approvalPorts(tx)?.directory;
        const to = assignment.assignee?.trim();
        if (directory && to && locked.state.elements[elementInstanceId]?.data?.['approval']) {
          const person = await directory.findByEmail(to);
          command.person = person
            ? { id: person.id, email: person.email, name: person.name, active: person.active }
            : null;
        }
        return runLocked(tx, locked, command);
      });
    },

    completeJob(jobId, variables) {
      const command: Command = { type: 'CompleteJob', elementInstanceId: jobId };
      if (variables !== undefined) command.variables = variables;
      return jobCommand(jobId, command);
    },

    failJob(jobId, failure) {
      const command: Command = {
        type: 'FailJob',
        elementInstanceId: jobId,
        retries: failure.retries,
        errorMessage: failure.errorMessage,
      };
      if (failure.retryBackoffMs !== undefined) command.retryBackoffMs = failure.retryBackoffMs;
      return jobCommand(jobId, command);
    },

    throwError(jobId, error) {
      const command: Command = {
        type: 'ThrowError',
        elementInstanceId: jobId,
        errorCode: error.errorCode,
      };
      if (error.errorMessage !== undefined) command.errorMessage = error.errorMessage;
      if (error.variables !== undefined) command.variables = error.variables;
      return jobCommand(jobId, command);
    },

    retryIncident(incidentId, retryOptions = {}) {
      return transact(async (tx) => {
        const incident = await tx.getIncident(incidentId);
        if (!incident)
          throw new CommandRejected(
            'NOT_FOUND',
            `Expected incident ${incidentId} to exist, but it does not`,
          );
        const command: Command = { type: 'RetryIncident', incidentId };
        if (retryOptions.by !== undefined) command.by = retryOptions.by;
        if (retryOptions.retries !== undefined) command.retries = retryOptions.retries;
        return runOn(
          tx,
          incident.instanceId,
          async () => {
            const current = await tx.getIncident(incidentId);
            if (current?.status !== 'open') {
              throw new CommandRejected(
                'INVALID_STATE',
                `Expected incident ${incidentId} to be open, but it is resolved`,
              );
            }
          },
          command,
        );
      });
    },

    cancelInstance(instanceId, cancelOptions = {}) {
      const command: Command = { type: 'CancelInstance' };
      if (cancelOptions.reason !== undefined) command.reason = cancelOptions.reason;
      if (cancelOptions.by !== undefined) command.by = cancelOptions.by;
      return transact((tx) =>
        runOn(
          tx,
          instanceId,
          (locked) => {
            if (locked.status !== 'active') {
              throw new CommandRejected(
                'INVALID_STATE',
                `Expected instance ${instanceId} to be active, but it is ${locked.status}`,
              );
            }
            return Promise.resolve();
          },
          command,
        ),
      );
    },

    setVariables(instanceId, variables: Variables, by) {
      const command: Command = { type: 'SetVariables', scopeId: instanceId, variables };
      if (by !== undefined) command.by = by;
      return transact((tx) => runOn(tx, instanceId, () => Promise.resolve(), command));
    },

    triggerTimer(timerId) {
      return transact(async (tx) => {
        const timer = await tx.getTimer(timerId);
        if (!timer)
          throw new CommandRejected(
            'NOT_FOUND',
            `Expected timer ${timerId} to exist, but it does not`,
          );
        if (timer.instanceId === null) {
          // A timer start event: whoever deletes the row starts the instance; a racing second firing finds nothing.
          if (!(await tx.deleteTimer(timerId))) {
            throw new CommandRejected(
              'INVALID_STATE',
              `Expected timer ${timerId} to be pending, but it has fired or was replaced`,
            );
          }
          const definition =
            timer.definitionId === null ? null : await tx.getDefinition(timer.definitionId);
          if (!definition)
            throw new CommandRejected(
              'NOT_FOUND',
              `Expected the definition of timer ${timerId} to exist, but it does not`,
            );
          const next = nextFiring(timer.dueAt.getTime(), timer.interval, timer.repetitions);
          if (next) {
            await tx.insertTimer({
              ...timer,
              id: newId(),
              dueAt: new Date(next.dueAt),
              repetitions: next.remaining,
            });
          }
          const command: StartCommand = {
            type: 'StartInstance',
            instanceId: newId(),
            startEventId: timer.elementId,
            definitionVersion: definition.version,
          };
          return toInstanceView(await execute(tx, { kind: 'start', definition, command }));
        }
        return runOn(
          tx,
          timer.instanceId,
          async () => {
            if (!(await tx.getTimer(timerId))) {
              throw new CommandRejected(
                'INVALID_STATE',
                `Expected timer ${timerId} to be pending, but it has fired or was cancelled`,
              );
            }
          },
          { type: 'TriggerTimer', elementInstanceId: timer.elementInstanceId, timerId },
        );
      });
    },

    publishMessage(
      name,
      correlationKey,
      variables = {},
      publishOptions = {},
    ): Promise<PublishedMessage> {
      return transact(async (tx) => {
        await tx.lockMessageKey(name, correlationKey);
        const messageId = newId();
        const reached = new Set<string>();
        for (const subscription of await tx.listSubscriptions({
          messageName: name,
          correlationKey,
          kind: 'message',
        })) {
          // Once per instance, as in Camunda 8.
          if (subscription.instanceId === null || reached.has(subscription.instanceId)) continue;
          if (await deliver(tx, subscription, variables)) reached.add(subscription.instanceId);
        }
        for (const started of await startByMessage(tx, name, variables)) reached.add(started.id);
        const timeToLiveMs = Math.max(0, publishOptions.timeToLiveMs ?? 0);
        if (timeToLiveMs > 0) {
          const now = clock.now();
          await tx.insertMessage({
            id: messageId,
            name,
            correlationKey,
            variables,
            publishedAt: new Date(now),
            expiresAt: new Date(now + timeToLiveMs),
          });
          for (const instanceId of reached) await tx.recordCorrelation(messageId, instanceId);
        }
        return { messageId, correlatedInstanceIds: [...reached] };
      });
    },

    broadcastSignal(name, variables = {}) {
      return transact(async (tx) => {
        const reached = new Set<string>();
        for (const subscription of await tx.listSubscriptions({
          messageName: name,
          kind: 'signal',
        })) {
          if (await deliver(tx, subscription, variables)) reached.add(subscription.instanceId);
        }
        for (const started of await startByMessage(tx, name, variables, 'signal'))
          reached.add(started.id);
        return { signalName: name, reachedInstanceIds: [...reached] };
      });
    },

    correlateMessage(name, correlationKey, variables = {}) {
      return transact(async (tx) => {
        await tx.lockMessageKey(name, correlationKey);
        for (const subscription of await tx.listSubscriptions({
          messageName: name,
          correlationKey,
          kind: 'message',
        })) {
          const record = await deliver(tx, subscription, variables);
          if (record) return toInstanceView(record);
        }
        const [started] = await startByMessage(tx, name, variables);
        if (started) return toInstanceView(started);
        throw new CommandRejected(
          'NOT_FOUND',
          `Expected an instance waiting for message '${name}' with correlation key '${correlationKey}', or a message start event for it, but there is none`,
        );
      });
    },

    dispatch(instanceId, command) {
      return transact(async (tx) => {
        if (command.type === 'StartInstance') {
          throw new CommandRejected(
            'INVALID_ARGUMENT',
            'Expected a command for an existing instance, but got StartInstance; use start()',
          );
        }
        return runOn(tx, instanceId, () => Promise.resolve(), command);
      });
    },

    async getInstance(instanceId) {
      const record = await store.getInstance(instanceId);
      return record ? toInstanceView(record) : null;
    },

    history(instanceId): Promise<StoredHistoryEvent[]> {
      return store.history(instanceId);
    },

    getTask: (taskId) => store.getTask(taskId),
    listTasks: (filter) => store.listTasks(filter),
    listApprovalDecisions: (filter) => store.listApprovalDecisions(filter),
    listJobs: (filter) => store.listJobs(filter),

    async listIncidents(filter = {}) {
      const rows = await store.listIncidents({ status: 'open', ...filter });
      return rows.map(
        ({ status: _status, resolvedAt: _resolvedAt, resolvedBy: _resolvedBy, ...incident }) =>
          incident,
      );
    },
  };
  return engine;
}
