/* eslint-disable @typescript-eslint/require-await -- synchronous behind the asynchronous Engine interface, like any store would be */
/**
 * An in-memory Engine for specs: applies the pure step and keeps tasks, jobs,
 * history and child instances from the effects. It implements the public Engine
 * interface so the same specs can later run against the real engine and stores.
 */
import {
  elementInstanceOfTask,
  resolveApprover,
  type ApprovalPorts,
  type ApproverQuery,
  type ExchangeRateLookup,
} from '@/engine/approval';
import type { Directory } from '@/engine/authority';
import {
  DeploymentRejected,
  type ApprovalDecisionView,
  type DeployedDefinition,
  type Engine,
  type IncidentView,
  type InstanceView,
  type JobFilter,
  type BroadcastSignalResult,
  type JobView,
  type PublishedMessage,
  type StoredHistoryEvent,
  type TaskAssignment,
  type TaskFilter,
  type TaskView,
} from '@/engine/api';
import { compileAll, type ProcessGraph } from '@/engine/model';
import { evaluateExpression } from '@/engine/expressions';
import {
  CommandRejected,
  nextFiring,
  step,
  timerStartSchedule,
  type Command,
  type Effect,
  type InstanceState,
  type StepResult,
  type Variables,
} from '@/engine/runtime';

/** A timer row: on an element instance, or (instanceId null) the schedule of a timer start event. */
export interface MemoryTimer {
  id: string;
  instanceId: string | null;
  elementInstanceId: string;
  elementId: string;
  dueAt: number;
  repetitions: number | null;
  interval: string | null;
  /** For timer start events: the process and the version whose schedule this is. */
  processId?: string;
}

export interface MemorySubscription {
  id: string;
  instanceId: string;
  elementInstanceId: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  kind: 'message' | 'signal';
}

interface BufferedMessage {
  id: string;
  name: string;
  correlationKey: string;
  variables: Variables;
  expiresAt: number;
  /** A message correlates at most once per process instance (Camunda 8). */
  correlatedTo: Set<string>;
}

interface StoredInstance {
  state: InstanceState;
  graph: ProcessGraph;
  startedAt: Date;
  endedAt: Date | null;
}

export interface MemoryEngineOptions {
  /** Start of the virtual clock, ms since the epoch. */
  now?: number;
  maxSteps?: number;
  /** Round-trip every stored state through JSON, as a database would. */
  roundTrip?: boolean;
  /** The org chart approval tasks read (e.g. snapshotDirectory over a fixture). */
  directory?: Directory;
  companyCurrency?: string;
  exchangeRate?: ExchangeRateLookup;
}

export class MemoryEngine implements Engine {
  now: number;
  private counter = 0;
  private readonly definitions = new Map<
    string,
    { graph: ProcessGraph; definition: DeployedDefinition }[]
  >();
  private readonly instances = new Map<string, StoredInstance>();
  private readonly events = new Map<string, StoredHistoryEvent[]>();
  private readonly tasks = new Map<string, TaskView & { instanceId: string }>();
  private readonly jobs = new Map<string, JobView>();
  /** Effects that start or notify other instances run after the command that produced them is stored. */
  private readonly followUps: (() => void)[] = [];
  /** Approval tasks waiting for the runner's answer, answered as the real engine does before the command returns. */
  private readonly approvalQueries: {
    instanceId: string;
    elementInstanceId: string;
    query: ApproverQuery;
  }[] = [];
  private readonly approvalDecisions: ApprovalDecisionView[] = [];
  readonly timers = new Map<string, MemoryTimer>();
  readonly subscriptions = new Map<string, MemorySubscription>();
  private readonly messages: BufferedMessage[] = [];

  constructor(private readonly options: MemoryEngineOptions = {}) {
    this.now = options.now ?? Date.UTC(2025, 0, 6, 9, 0, 0);
  }

  advance(ms: number): void {
    this.now += ms;
  }

  async deploy(xml: string, options: { deployedBy?: string } = {}): Promise<DeployedDefinition> {
    const compiled = await compileAll(xml);
    if (!compiled.ok) throw new DeploymentRejected(compiled.problems);
    let first: DeployedDefinition | undefined;
    for (const graph of compiled.graphs) {
      const versions = this.definitions.get(graph.processId) ?? [];
      const definition: DeployedDefinition = {
        id: this.newId('definition'),
        processId: graph.processId,
        version: versions.length + 1,
        name: graph.name,
        deployedBy: options.deployedBy ?? null,
        deployedAt: new Date(this.now),
      };
      versions.push({ graph, definition });
      this.definitions.set(graph.processId, versions);
      this.scheduleTimerStarts(graph);
      first ??= definition;
    }
    if (!first)
      throw new DeploymentRejected([
        { elementId: null, message: 'Expected an executable process, but there is none' },
      ]);
    return first;
  }

  async start(
    processId: string,
    options: {
      variables?: Variables;
      startedBy?: string;
      businessKey?: string;
      version?: number;
    } = {},
  ): Promise<InstanceView> {
    const instanceId = this.newId('instance');
    this.startInstance(instanceId, processId, options);
    this.drain();
    await this.settleApprovals();
    return this.view(instanceId);
  }

  async completeTask(
    taskId: string,
    variables?: Variables,
    by?: string,
    options: { channel?: 'inbox' | 'email' | 'api' } = {},
  ): Promise<InstanceView> {
    const task = this.tasks.get(taskId);
    if (!task) throw new Error(`Unknown task '${taskId}'`);
    const state = this.instances.get(task.instanceId)?.state;
    const command: Command = {
      type: 'CompleteTask',
      elementInstanceId: state ? elementInstanceOfTask(state, taskId) : taskId,
      taskId,
    };
    if (variables) command.variables = variables;
    if (by !== undefined) command.by = by;
    if (options.channel !== undefined) command.channel = options.channel;
    this.execute(task.instanceId, command);
    Object.assign(task, {
      status: 'completed',
      completedAt: new Date(this.now),
      completedBy: by ?? null,
    });
    this.drain();
    await this.settleApprovals();
    return this.view(task.instanceId);
  }

  async assignTask(taskId: string, assignment: TaskAssignment): Promise<InstanceView> {
    const task = this.tasks.get(taskId);
    if (!task)
      throw new CommandRejected('NOT_FOUND', `Expected task ${taskId} to exist, but it does not`);
    if (task.status !== 'open')
      throw new CommandRejected(
        'INVALID_STATE',
        `Expected task ${taskId} to be open, but it was ${task.status}`,
      );
    const state = this.instances.get(task.instanceId)?.state;
    const elementInstanceId = state ? elementInstanceOfTask(state, taskId) : taskId;
    const command: Command = {
      type: 'AssignTask',
      elementInstanceId,
      taskId,
      assignee: assignment.assignee,
      by: assignment.by,
      action: assignment.action,
      task: { assignee: task.assignee, details: structuredClone(task.details) },
    };
    if (assignment.expectedAssignee !== undefined)
      command.expectedAssignee = assignment.expectedAssignee;
    const to = assignment.assignee?.trim();
    if (this.options.directory && to && state?.elements[elementInstanceId]?.data?.['approval']) {
      const person = await this.options.directory.findByEmail(to);
      command.person = person
        ? { id: person.id, email: person.email, name: person.name, active: person.active }
        : null;
    }
    this.execute(task.instanceId, command);
    this.drain();
    await this.settleApprovals();
    return this.view(task.instanceId);
  }

  async listApprovalDecisions(filter: {
    instanceId?: string;
    taskId?: string;
  }): Promise<ApprovalDecisionView[]> {
    return this.approvalDecisions.filter(
      (row) =>
        (filter.instanceId === undefined || row.instanceId === filter.instanceId) &&
        (filter.taskId === undefined || row.taskId === filter.taskId),
    );
  }

  /** Answers the approval tasks' questions through the directory, then lets them go on, until none asks. */
  private async settleApprovals(): Promise<void> {
    for (let next = this.approvalQueries.shift(); next; next = this.approvalQueries.shift()) {
      const stored = this.instances.get(next.instanceId);
      if (!stored?.state.elements[next.elementInstanceId]) continue;
      const ports: ApprovalPorts | null = this.options.directory
        ? {
            directory: this.options.directory,
            companyCurrency: this.options.companyCurrency ?? 'USD',
            ...(this.options.exchangeRate ? { exchangeRate: this.options.exchangeRate } : {}),
          }
        : null;
      const answer = await resolveApprover(next.query, ports, {
        at: new Date(this.now),
        startedBy: stored.state.startedBy ?? null,
      });
      this.execute(next.instanceId, {
        type: 'AssignApprover',
        elementInstanceId: next.elementInstanceId,
        answer,
      });
      this.drain();
    }
  }

  async completeJob(jobId: string, variables?: Variables): Promise<InstanceView> {
    const job = this.job(jobId);
    const command: Command = { type: 'CompleteJob', elementInstanceId: jobId };
    if (variables) command.variables = variables;
    this.execute(job.instanceId, command);
    job.status = 'completed';
    this.drain();
    return this.view(job.instanceId);
  }

  async failJob(
    jobId: string,
    failure: { retries: number; errorMessage: string; retryBackoffMs?: number },
  ): Promise<InstanceView> {
    const job = this.job(jobId);
    this.execute(job.instanceId, { type: 'FailJob', elementInstanceId: jobId, ...failure });
    job.retries = failure.retries;
    job.failures += 1;
    job.errorMessage = failure.errorMessage;
    if (failure.retries === 0) job.status = 'failed';
    this.drain();
    return this.view(job.instanceId);
  }

  async throwError(
    jobId: string,
    error: { errorCode: string; errorMessage?: string; variables?: Variables },
  ): Promise<InstanceView> {
    const job = this.job(jobId);
    this.execute(job.instanceId, { type: 'ThrowError', elementInstanceId: jobId, ...error });
    this.drain();
    return this.view(job.instanceId);
  }

  async retryIncident(
    incidentId: string,
    options: { by?: string; retries?: number } = {},
  ): Promise<InstanceView> {
    const owner = [...this.instances.values()].find((instance) =>
      instance.state.incidents.some((incident) => incident.id === incidentId),
    );
    if (!owner) throw new Error(`Unknown incident '${incidentId}'`);
    const command: Command = { type: 'RetryIncident', incidentId };
    if (options.by !== undefined) command.by = options.by;
    if (options.retries !== undefined) command.retries = options.retries;
    this.execute(owner.state.instanceId, command);
    this.drain();
    await this.settleApprovals();
    return this.view(owner.state.instanceId);
  }

  async cancelInstance(
    instanceId: string,
    options: { reason?: string; by?: string } = {},
  ): Promise<InstanceView> {
    this.execute(instanceId, { type: 'CancelInstance', ...options });
    this.drain();
    return this.view(instanceId);
  }

  async setVariables(instanceId: string, variables: Variables, by?: string): Promise<InstanceView> {
    const command: Command = { type: 'SetVariables', scopeId: instanceId, variables };
    if (by !== undefined) command.by = by;
    this.execute(instanceId, command);
    return this.view(instanceId);
  }

  async getInstance(instanceId: string): Promise<InstanceView | null> {
    return this.instances.has(instanceId) ? this.view(instanceId) : null;
  }

  async history(instanceId: string): Promise<StoredHistoryEvent[]> {
    return [...(this.events.get(instanceId) ?? [])];
  }

  async getTask(taskId: string): Promise<TaskView | null> {
    return this.tasks.get(taskId) ?? null;
  }

  async listTasks(filter: TaskFilter = {}): Promise<TaskView[]> {
    const visibleTo = filter.visibleTo;
    const tasks = [...this.tasks.values()].filter(
      (task) =>
        (filter.instanceId === undefined || task.instanceId === filter.instanceId) &&
        (filter.processId === undefined || task.processId === filter.processId) &&
        (filter.assignee === undefined || task.assignee === filter.assignee) &&
        (filter.status === undefined || task.status === filter.status) &&
        (visibleTo === undefined ||
          task.assignee === visibleTo.userId ||
          (task.assignee === null &&
            (task.candidateUsers.includes(visibleTo.userId) ||
              task.candidateGroups.some((group) => visibleTo.groups?.includes(group))))),
    );
    return tasks.slice(
      filter.offset ?? 0,
      filter.limit === undefined ? undefined : (filter.offset ?? 0) + filter.limit,
    );
  }

  async triggerTimer(timerId: string): Promise<InstanceView> {
    const timer = this.timers.get(timerId);
    if (!timer) throw new Error(`Unknown timer '${timerId}'`);
    this.timers.delete(timerId);
    if (timer.instanceId === null) {
      const instanceId = this.newId('instance');
      this.startInstance(instanceId, timer.processId ?? '', { startEventId: timer.elementId });
      const next = nextFiring(timer.dueAt, timer.interval, timer.repetitions);
      if (next) {
        const id = this.newId('timer');
        this.timers.set(id, { ...timer, id, dueAt: next.dueAt, repetitions: next.remaining });
      }
      this.drain();
      return this.view(instanceId);
    }
    this.execute(timer.instanceId, {
      type: 'TriggerTimer',
      elementInstanceId: timer.elementInstanceId,
      timerId,
    });
    this.drain();
    await this.settleApprovals();
    return this.view(timer.instanceId);
  }

  /** Moves the virtual clock forward by `ms`, firing every timer that falls due on the way, in due order. */
  async elapse(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      let next: MemoryTimer | undefined;
      for (const timer of this.timers.values())
        if (timer.dueAt <= target && (!next || timer.dueAt < next.dueAt)) next = timer;
      if (!next) break;
      this.now = Math.max(this.now, next.dueAt);
      await this.triggerTimer(next.id);
    }
    this.now = target;
  }

  /**
   * Delivers a message to one waiting subscription with this name and key (or
   * starts an instance at a message start event); refuses when nothing waits.
   */
  async correlateMessage(
    name: string,
    correlationKey: string,
    variables: Variables = {},
  ): Promise<InstanceView> {
    const subscription = [...this.subscriptions.values()].find(
      (candidate) =>
        candidate.kind === 'message' &&
        candidate.messageName === name &&
        candidate.correlationKey === correlationKey,
    );
    if (subscription) {
      this.deliver(subscription, variables);
      this.drain();
      return this.view(subscription.instanceId);
    }
    const started = this.startByMessage(name, variables);
    if (started) return this.view(started);
    throw new Error(
      `Expected a subscription to message '${name}' with correlation key '${correlationKey}', but there is none`,
    );
  }

  /**
   * Publishes a message (Camunda 8): it is correlated to every waiting
   * instance with a matching subscription, once per instance, and starts an
   * instance at a matching message start event; without a subscriber it is
   * buffered for its time to live and correlated when one opens.
   */
  async publishMessage(
    name: string,
    correlationKey: string,
    variables: Variables = {},
    options: { timeToLiveMs?: number } = {},
  ): Promise<PublishedMessage> {
    const message: BufferedMessage = {
      id: this.newId('message'),
      name,
      correlationKey,
      variables,
      expiresAt: this.now + (options.timeToLiveMs ?? 0),
      correlatedTo: new Set(),
    };
    for (const subscription of [...this.subscriptions.values()]) {
      if (
        subscription.kind !== 'message' ||
        subscription.messageName !== name ||
        subscription.correlationKey !== correlationKey ||
        message.correlatedTo.has(subscription.instanceId)
      )
        continue;
      if (!this.subscriptions.has(subscription.id)) continue;
      message.correlatedTo.add(subscription.instanceId);
      this.deliver(subscription, variables);
    }
    const started = this.startByMessage(name, variables);
    if (started) message.correlatedTo.add(started);
    if ((options.timeToLiveMs ?? 0) > 0) this.messages.push(message);
    this.drain();
    return { messageId: message.id, correlatedInstanceIds: [...message.correlatedTo] };
  }

  async listIncidents(
    filter: { instanceId?: string; status?: 'open' | 'resolved' } = {},
  ): Promise<IncidentView[]> {
    if (filter.status === 'resolved') return [];
    const open: IncidentView[] = [];
    for (const instanceId of this.instances.keys()) {
      if (filter.instanceId !== undefined && filter.instanceId !== instanceId) continue;
      open.push(...this.view(instanceId).incidents);
    }
    return open.reverse();
  }

  async listJobs(filter: JobFilter = {}): Promise<JobView[]> {
    return [...this.jobs.values()].filter(
      (job) =>
        (filter.instanceId === undefined || job.instanceId === filter.instanceId) &&
        (filter.type === undefined || job.type === filter.type) &&
        (filter.status === undefined || job.status === filter.status),
    );
  }

  async dispatch(instanceId: string, command: Command): Promise<InstanceView> {
    this.execute(instanceId, command);
    this.drain();
    await this.settleApprovals();
    return this.view(instanceId);
  }

  // ---------------------------------------------------------------------------

  private startInstance(
    instanceId: string,
    processId: string,
    options: {
      variables?: Variables;
      startedBy?: string;
      businessKey?: string;
      version?: number;
      startEventId?: string;
    },
    parent?: { instanceId: string; elementInstanceId: string },
  ): void {
    const versions = this.definitions.get(processId);
    const deployed =
      options.version === undefined
        ? versions?.at(-1)
        : versions?.find((v) => v.definition.version === options.version);
    if (!deployed) throw new Error(`No deployed process '${processId}'`);
    const command: Command = {
      type: 'StartInstance',
      instanceId,
      definitionVersion: deployed.definition.version,
    };
    if (options.variables) command.variables = options.variables;
    if (options.startedBy !== undefined) command.startedBy = options.startedBy;
    if (options.businessKey !== undefined) command.businessKey = options.businessKey;
    if (options.startEventId !== undefined) command.startEventId = options.startEventId;
    if (parent) command.parent = parent;
    const result = step(deployed.graph, null, command, this.context());
    this.instances.set(instanceId, {
      state: result.state,
      graph: deployed.graph,
      startedAt: new Date(this.now),
      endedAt: null,
    });
    this.store(instanceId, result);
  }

  private execute(instanceId: string, command: Command): void {
    const stored = this.instances.get(instanceId);
    if (!stored) throw new Error(`Unknown instance '${instanceId}'`);
    const result = step(stored.graph, stored.state, command, this.context());
    stored.state = result.state;
    this.store(instanceId, result);
    // As the runner does: an error still not caught at the top instance becomes an incident where it was thrown.
    if (
      command.type === 'ThrowErrorAtCallActivity' &&
      !result.state.parent &&
      result.state.elements[command.elementInstanceId]
    ) {
      const { thrownAt, errorCode, errorMessage } = command.error;
      this.followUps.push(() =>
        this.execute(thrownAt.instanceId, {
          type: 'RaiseUncaughtError',
          elementInstanceId: thrownAt.elementInstanceId,
          errorCode,
          errorMessage,
        }),
      );
    }
  }

  private store(instanceId: string, result: StepResult): void {
    const stored = this.instances.get(instanceId);
    if (!stored) return;
    if (this.options.roundTrip)
      stored.state = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    if (result.state.status !== 'active' && stored.endedAt === null)
      stored.endedAt = new Date(this.now);
    const events = this.events.get(instanceId) ?? [];
    for (const event of result.history)
      events.push({ ...event, instanceId, at: new Date(event.at) });
    this.events.set(instanceId, events);
    for (const effect of result.effects) this.perform(instanceId, stored, effect);
  }

  private perform(instanceId: string, stored: StoredInstance, effect: Effect): void {
    switch (effect.type) {
      case 'CreateTask':
        this.tasks.set(effect.task.id, {
          ...effect.task,
          instanceId,
          processId: stored.graph.processId,
          status: 'open',
          createdAt: new Date(this.now),
          completedAt: null,
          completedBy: null,
          details: effect.task.details ?? {},
        });
        break;
      case 'UpdateTask': {
        const task = this.tasks.get(effect.taskId);
        if (task) Object.assign(task, effect.changes);
        break;
      }
      case 'CancelTask': {
        const task = this.tasks.get(effect.taskId);
        if (task) task.status = 'cancelled';
        break;
      }
      case 'CreateJob':
        this.jobs.set(effect.job.id, {
          ...effect.job,
          instanceId,
          processId: stored.graph.processId,
          status: 'activatable',
          dueAt: new Date(this.now),
          lockedBy: null,
          lockExpiresAt: null,
          errorMessage: null,
          failures: 0,
        });
        break;
      case 'RetryJob': {
        const job = this.jobs.get(effect.jobId);
        if (job)
          Object.assign(job, {
            retries: effect.retries,
            dueAt: new Date(effect.dueAt),
            status: 'activatable',
            errorMessage: effect.errorMessage || job.errorMessage,
          });
        break;
      }
      case 'CancelJob': {
        const job = this.jobs.get(effect.jobId);
        if (job) job.status = 'cancelled';
        break;
      }
      case 'StartChildInstance':
        this.followUps.push(() => {
          if (!this.definitions.has(effect.processId)) {
            const { childInstanceId, processId } = effect;
            this.execute(instanceId, {
              type: 'RaiseCalledElementError',
              elementInstanceId: effect.parentElementInstanceId,
              childInstanceId,
              processId,
            });
            return;
          }
          this.startInstance(
            effect.childInstanceId,
            effect.processId,
            { variables: effect.variables },
            { instanceId, elementInstanceId: effect.parentElementInstanceId },
          );
        });
        break;
      case 'CancelChildInstance':
        this.followUps.push(() => {
          if (this.instances.get(effect.childInstanceId)?.state.status === 'active')
            this.execute(effect.childInstanceId, {
              type: 'CancelInstance',
              reason: 'parent terminated',
            });
        });
        break;
      case 'NotifyParent':
        this.followUps.push(() => {
          const parent = this.instances.get(effect.parentInstanceId);
          if (effect.outcome === 'error') {
            this.execute(effect.parentInstanceId, {
              type: 'ThrowErrorAtCallActivity',
              elementInstanceId: effect.parentElementInstanceId,
              error: effect.error,
            });
            return;
          }
          if (
            effect.outcome !== 'completed' ||
            parent?.state.status !== 'active' ||
            !parent.state.elements[effect.parentElementInstanceId]
          )
            return;
          this.execute(effect.parentInstanceId, {
            type: 'CompleteCallActivity',
            elementInstanceId: effect.parentElementInstanceId,
            variables: effect.variables,
          });
        });
        break;
      case 'CreateTimer':
        this.timers.set(effect.timer.id, {
          ...effect.timer,
          instanceId,
          repetitions: effect.timer.repetitions ?? null,
          interval: effect.timer.interval ?? null,
        });
        break;
      case 'CancelTimer':
        this.timers.delete(effect.timerId);
        break;
      case 'OpenSubscription': {
        const subscription: MemorySubscription = {
          ...effect.subscription,
          kind: effect.subscription.kind ?? 'message',
          instanceId,
        };
        this.subscriptions.set(subscription.id, subscription);
        // A message buffered before the subscription opened is correlated now (once per instance).
        this.followUps.push(() => {
          if (subscription.kind !== 'message' || !this.subscriptions.has(subscription.id)) return;
          const message = this.messages.find(
            (candidate) =>
              candidate.name === subscription.messageName &&
              candidate.correlationKey === subscription.correlationKey &&
              candidate.expiresAt > this.now &&
              !candidate.correlatedTo.has(instanceId),
          );
          if (!message) return;
          message.correlatedTo.add(instanceId);
          this.deliver(subscription, message.variables);
        });
        break;
      }
      case 'CloseSubscription':
        this.subscriptions.delete(effect.subscriptionId);
        break;
      case 'ResolveApprover':
        this.approvalQueries.push({
          instanceId,
          elementInstanceId: effect.elementInstanceId,
          query: effect.query,
        });
        break;
      case 'RecordApprovalDecision': {
        const { at, ...decision } = structuredClone(effect.decision);
        this.approvalDecisions.push({
          ...decision,
          id: this.newId('decision'),
          instanceId,
          elementInstanceId: effect.elementInstanceId,
          elementId: effect.elementId,
          decidedAt: new Date(at),
        });
        break;
      }
      case 'BroadcastSignal':
        this.followUps.push(() => void this.broadcastSignal(effect.signalName, effect.variables));
        break;
      case 'SendMail':
        break;
    }
  }

  /** Delivers a signal to every open signal subscription of the name and starts processes with a signal start event of it. */
  async broadcastSignal(name: string, variables: Variables = {}): Promise<BroadcastSignalResult> {
    const reached = new Set<string>();
    for (const subscription of [...this.subscriptions.values()]) {
      if (
        subscription.kind !== 'signal' ||
        subscription.messageName !== name ||
        !this.subscriptions.has(subscription.id)
      )
        continue;
      reached.add(subscription.instanceId);
      this.deliver(subscription, variables);
    }
    for (const versions of this.definitions.values()) {
      const latest = versions.at(-1);
      for (const start of latest?.graph.signalStartEvents ?? []) {
        if (!latest || start.signalName !== name) continue;
        const instanceId = this.newId('instance');
        this.startInstance(instanceId, latest.graph.processId, {
          variables,
          startEventId: start.id,
        });
        reached.add(instanceId);
      }
    }
    this.drain();
    return { signalName: name, reachedInstanceIds: [...reached] };
  }

  private deliver(subscription: MemorySubscription, variables: Variables): void {
    this.execute(subscription.instanceId, {
      type: 'CorrelateMessage',
      elementInstanceId: subscription.elementInstanceId,
      messageName: subscription.messageName,
      subscriptionId: subscription.id,
      variables,
    });
  }

  private startByMessage(name: string, variables: Variables): string | null {
    for (const versions of this.definitions.values()) {
      const latest = versions.at(-1);
      const start = latest?.graph.messageStartEvents.find(
        (candidate) => candidate.messageName === name,
      );
      if (!latest || !start) continue;
      const instanceId = this.newId('instance');
      this.startInstance(instanceId, latest.graph.processId, { variables, startEventId: start.id });
      this.drain();
      return instanceId;
    }
    return null;
  }

  /** A redeploy replaces the schedule: the previous version's timer start rows go, the new version's come. */
  private scheduleTimerStarts(graph: ProcessGraph): void {
    for (const [id, timer] of this.timers)
      if (timer.instanceId === null && timer.processId === graph.processId) this.timers.delete(id);
    for (const start of graph.timerStartEvents) {
      const schedule = timerStartSchedule(
        start.timer,
        evaluateExpression(start.timer.expression, { get: () => undefined, toObject: () => ({}) }),
        this.now,
        start.id,
      );
      if (!schedule.ok)
        throw new DeploymentRejected([{ elementId: start.id, message: schedule.message }]);
      const id = this.newId('timer');
      this.timers.set(id, {
        id,
        instanceId: null,
        elementInstanceId: '',
        elementId: start.id,
        dueAt: schedule.dueAt,
        repetitions: schedule.remaining,
        interval: schedule.interval,
        processId: graph.processId,
      });
    }
  }

  private drain(): void {
    for (let next = this.followUps.shift(); next; next = this.followUps.shift()) next();
  }

  private job(jobId: string): JobView {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`Unknown job '${jobId}'`);
    return job;
  }

  private view(instanceId: string): InstanceView {
    const stored = this.instances.get(instanceId);
    if (!stored) throw new Error(`Unknown instance '${instanceId}'`);
    const { state } = stored;
    return {
      id: instanceId,
      processId: state.processId,
      definitionVersion: state.definitionVersion,
      status: state.status,
      businessKey: state.businessKey ?? null,
      startedBy: state.startedBy ?? null,
      startedAt: stored.startedAt,
      endedAt: stored.endedAt,
      activeElementIds: Object.values(state.elements)
        .filter((element) => element.scopeId !== null)
        .map((element) => element.elementId),
      variables: { ...state.variables[instanceId] },
      incidents: state.incidents.map((incident) => ({
        ...incident,
        instanceId,
        processId: state.processId,
        createdAt: new Date(incident.createdAt),
      })),
      state,
    };
  }

  private context() {
    const context: { now: number; newId: () => string; maxSteps?: number } = {
      now: this.now,
      newId: () => this.newId('e'),
    };
    if (this.options.maxSteps !== undefined) context.maxSteps = this.options.maxSteps;
    return context;
  }

  private newId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }
}
