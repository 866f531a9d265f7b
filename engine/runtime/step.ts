/**
 * step(graph, state, command, context) → next state, effects, history. Pure:
 * no I/O, time and ids from the context. The input state is never mutated; it
 * is copied once and the copy is advanced until every token waits or ends.
 */
import {
  approvalTimerFired,
  assignApprovalStep,
  assignApprover,
  assignUserTask,
  calledProcessMissing,
  completeCallActivity,
  completeUserTask,
  decideApproval,
  isApprovalTask,
  isApprovalTimer,
} from '../behaviors';
import { evaluateExpression } from '../expressions';
import type { ProcessGraph } from '../model/graph';
import { Run, type RetryPoint } from './run';
import { cloneState, keyedByIds } from './state';
import {
  CommandRejected,
  type Command,
  type ElementInstance,
  type InstanceState,
  type StepContext,
  type StepResult,
} from './types';
import { ScopeLookup, setVariable } from './variables';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

export function step(
  graph: ProcessGraph,
  state: InstanceState | null | undefined,
  command: Command,
  context: StepContext,
): StepResult {
  if (command.type === 'StartInstance') {
    if (state)
      throw new CommandRejected(
        'INVALID_STATE',
        `Expected no instance with id '${state.instanceId}' yet, but it exists`,
      );
    return start(graph, command, context);
  }
  if (!state)
    throw new CommandRejected(
      'NOT_FOUND',
      `Expected a process instance for ${command.type}, but there is none`,
    );
  if (state.status !== 'active') {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected instance '${state.instanceId}' to be active, but it is ${state.status}`,
    );
  }
  if (state.processId !== graph.processId) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected the graph of process '${state.processId}', but got '${graph.processId}'`,
    );
  }
  const next = cloneState(state);
  const run = new Run(graph, next, context);
  switch (command.type) {
    case 'CompleteTask': {
      const instance = waitingFor(next, command.elementInstanceId, 'task', 'user task');
      if (isApprovalTask(run, instance)) decideApproval(run, instance, command);
      else completeUserTask(run, instance, command.variables ?? {}, command.by);
      break;
    }
    case 'AssignTask': {
      const instance = waitingFor(next, command.elementInstanceId, 'task', 'user task');
      if (isApprovalTask(run, instance)) assignApprovalStep(run, instance, command);
      else assignUserTask(run, instance, command);
      break;
    }
    case 'AssignApprover': {
      const instance = waitingFor(next, command.elementInstanceId, 'approver', 'approval task');
      assignApprover(run, instance, command);
      break;
    }
    case 'CompleteJob': {
      const instance = activeJob(next, command.elementInstanceId);
      run.record('JobCompleted', instance);
      run.applyResult(instance, command.variables ?? {});
      run.complete(instance);
      break;
    }
    case 'FailJob':
      failJob(run, next, command);
      break;
    case 'ThrowError': {
      const instance = activeJob(next, command.elementInstanceId);
      run.phase = 'job';
      run.throwError(
        instance,
        command.errorCode,
        `job of '${instance.elementId}'${command.errorMessage ? ` (${command.errorMessage})` : ''}`,
        command.variables ?? {},
      );
      break;
    }
    case 'CompleteCallActivity': {
      const instance = waitingFor(next, command.elementInstanceId, 'child', 'call activity');
      completeCallActivity(run, instance, command.variables ?? {});
      break;
    }
    case 'RaiseCalledElementError': {
      const instance = waitingFor(next, command.elementInstanceId, 'child', 'call activity');
      if (instance.data?.['childInstanceId'] !== command.childInstanceId) {
        throw new CommandRejected(
          'INVALID_STATE',
          `Expected call activity '${instance.elementId}' to wait for child instance '${command.childInstanceId}', but it waits for another`,
        );
      }
      calledProcessMissing(run, instance, command.processId);
      break;
    }
    case 'ThrowErrorAtCallActivity':
      run.throwErrorFromChild(
        waitingFor(next, command.elementInstanceId, 'child', 'call activity'),
        command.error,
      );
      break;
    case 'RaiseUncaughtError':
      raiseUncaughtError(run, next, command);
      break;
    case 'SetVariables': {
      const scope = next.elements[command.scopeId];
      if (!scope)
        throw new CommandRejected(
          'NOT_FOUND',
          `Expected a live scope '${command.scopeId}' in instance '${next.instanceId}', but there is none`,
        );
      for (const name of Object.keys(command.variables))
        setVariable(next, scope.id, name, command.variables[name] ?? null);
      run.record('VariablesUpdated', scope, { names: Object.keys(command.variables) }, command.by);
      break;
    }
    case 'RetryIncident':
      retryIncident(run, next, command);
      break;
    case 'CancelInstance':
      cancel(run, next, command);
      break;
    case 'TriggerTimer': {
      const owner = next.elements[command.elementInstanceId];
      if (owner && isApprovalTimer(run, owner, command.timerId))
        approvalTimerFired(run, owner, command.timerId);
      else run.fireTimer(command.elementInstanceId, command.timerId);
      break;
    }
    case 'CorrelateMessage':
      run.correlateMessage(
        command.elementInstanceId,
        command.messageName,
        command.subscriptionId,
        command.variables ?? {},
      );
      break;
  }
  run.run();
  return { state: next, effects: run.effects, history: run.history };
}

function start(
  graph: ProcessGraph,
  command: CommandOf<'StartInstance'>,
  context: StepContext,
): StepResult {
  const startEventId = command.startEventId ?? graph.process.startEventId;
  const startEvent = startEventId ? graph.elements.get(startEventId) : undefined;
  if (!startEvent || startEvent.kind !== 'startEvent' || startEvent.scopeId !== graph.processId) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected a none start event${command.startEventId ? ` '${command.startEventId}'` : ''} in process '${graph.processId}', but there is none`,
    );
  }
  const processInstance: ElementInstance = {
    id: command.instanceId,
    elementId: graph.processId,
    scopeId: null,
    state: 'activating',
  };
  if (command.startEventId) processInstance.data = { startEventId: command.startEventId };
  const state: InstanceState = {
    schemaVersion: 1,
    instanceId: command.instanceId,
    processId: graph.processId,
    definitionVersion: command.definitionVersion ?? 1,
    status: 'active',
    elements: keyedByIds(),
    variables: keyedByIds(),
    joins: {},
    incidents: [],
  };
  state.elements[command.instanceId] = processInstance;
  state.variables[command.instanceId] = { ...command.variables };
  if (command.parent) state.parent = command.parent;
  if (command.startedBy !== undefined) state.startedBy = command.startedBy;
  if (command.businessKey !== undefined) state.businessKey = command.businessKey;
  const run = new Run(graph, state, context);
  run.record('InstanceStarted', processInstance, undefined, command.startedBy);
  run.enqueue('activate', processInstance);
  run.run();
  return { state, effects: run.effects, history: run.history };
}

function failJob(run: Run, state: InstanceState, command: CommandOf<'FailJob'>): void {
  const instance = activeJob(state, command.elementInstanceId);
  if (!Number.isInteger(command.retries) || command.retries < 0) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected retries to be a whole number of at least 0, but got ${command.retries}`,
    );
  }
  run.record('JobFailed', instance, {
    retries: command.retries,
    errorMessage: command.errorMessage,
  });
  instance.data = { ...instance.data, retries: command.retries };
  if (command.retries > 0) {
    run.emit({
      type: 'RetryJob',
      jobId: instance.id,
      retries: command.retries,
      dueAt: run.now + Math.max(0, command.retryBackoffMs ?? 0),
      errorMessage: command.errorMessage,
    });
    return;
  }
  run.phase = 'job';
  const jobType = instance.data['jobType'];
  run.raiseIncident(
    instance,
    'JOB_NO_RETRIES',
    `Expected job '${typeof jobType === 'string' ? jobType : ''}' of '${instance.elementId}' to complete, but it failed with no retries left: ${command.errorMessage}`,
  );
}

/** The thrower of an error no caller caught, waiting since it threw, gets the incident, to be retried where it threw. */
function raiseUncaughtError(
  run: Run,
  state: InstanceState,
  command: CommandOf<'RaiseUncaughtError'>,
): void {
  const instance = state.elements[command.elementInstanceId];
  if (!instance || state.incidents.some((incident) => incident.elementInstanceId === instance.id)) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected element instance '${command.elementInstanceId}' in instance '${state.instanceId}' to wait for the fate of its error, but ${instance ? 'it has an open incident' : 'there is none'}`,
    );
  }
  const retry = instance.data?.['retry'];
  run.phase = retry === 'job' || retry === 'complete' ? retry : 'activate';
  run.raiseUncaughtError(instance, command.errorCode, command.errorMessage);
}

function retryIncident(run: Run, state: InstanceState, command: CommandOf<'RetryIncident'>): void {
  const incident = state.incidents.find((candidate) => candidate.id === command.incidentId);
  if (!incident) {
    throw new CommandRejected(
      'NOT_FOUND',
      `Expected an open incident '${command.incidentId}' in instance '${state.instanceId}', but there is none`,
    );
  }
  const instance = state.elements[incident.elementInstanceId];
  if (
    command.retries !== undefined &&
    (!Number.isInteger(command.retries) || command.retries < 1)
  ) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected retries to be a whole number of at least 1, but got ${command.retries}`,
    );
  }
  state.incidents = state.incidents.filter((candidate) => candidate.id !== incident.id);
  const resolved = {
    type: 'IncidentResolved' as const,
    at: run.now,
    elementId: incident.elementId,
    elementInstanceId: incident.elementInstanceId,
    data: { incidentId: incident.id, incidentType: incident.type },
  };
  run.history.push(command.by === undefined ? resolved : { ...resolved, by: command.by });
  if (instance) {
    const point = (instance.data?.['retry'] ??
      (instance.state === 'completing' ? 'complete' : 'activate')) as RetryPoint;
    const { retry: _retry, ...data } = instance.data ?? {};
    instance.data = data;
    if (point === 'job') retryJob(run, state, instance, command.retries);
    else run.enqueue(point, instance);
  }
  run.resumePending();
}

/** The job becomes activatable again, with its definition's retries unless the operator gave a number. */
function retryJob(
  run: Run,
  state: InstanceState,
  instance: ElementInstance,
  retries: number | undefined,
): void {
  let count = retries;
  const definition = run.graph.elements.get(instance.elementId)?.zeebe.taskDefinition;
  if (count === undefined && definition) {
    const evaluated = evaluateExpression(definition.retries, new ScopeLookup(state, instance.id));
    count = evaluated.ok ? Number(evaluated.value) : undefined;
  }
  if (count === undefined || !Number.isInteger(count) || count < 1) count = 1;
  instance.data = { ...instance.data, retries: count };
  run.emit({
    type: 'RetryJob',
    jobId: instance.id,
    retries: count,
    dueAt: run.now,
    errorMessage: '',
  });
}

function cancel(run: Run, state: InstanceState, command: CommandOf<'CancelInstance'>): void {
  const root = state.elements[state.instanceId];
  const data: { [key: string]: string } = {};
  if (command.reason !== undefined) data['reason'] = command.reason;
  if (root) {
    run.record('InstanceCancelled', root, data, command.by);
    run.terminate(root);
  }
  for (const incident of [...state.incidents])
    run.resolveIncidentsOf(incident.elementInstanceId, 'instance cancelled', command.by);
  run.finishProcess('terminated');
  // The person who started a request hears that it was withdrawn, unless they withdrew it themselves.
  const requester = state.startedBy;
  if (
    requester?.includes('@') &&
    !state.parent &&
    requester.toLowerCase() !== command.by?.toLowerCase()
  ) {
    run.emit({
      type: 'SendMail',
      mail: {
        kind: 'request-cancelled',
        to: requester,
        data: {
          instanceId: state.instanceId,
          reason: command.reason ?? null,
          by: command.by ?? null,
        },
      },
    });
  }
}

function waitingFor(
  state: InstanceState,
  elementInstanceId: string,
  wait: string,
  what: string,
): ElementInstance {
  const instance = state.elements[elementInstanceId];
  if (!instance) {
    throw new CommandRejected(
      'NOT_FOUND',
      `Expected an active ${what} '${elementInstanceId}' in instance '${state.instanceId}', but there is none`,
    );
  }
  if (instance.state !== 'active' || instance.data?.['wait'] !== wait) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected element instance '${elementInstanceId}' (${instance.elementId}) to be an active ${what}, but it is ${instance.state}${instance.data?.['wait'] !== wait ? ` and not a ${what}` : ''}`,
    );
  }
  return instance;
}

/** Whether the element instance waits for its job, with no open incident: what CompleteJob, FailJob and ThrowError accept. */
export function jobIsActive(state: InstanceState, elementInstanceId: string): boolean {
  const instance = state.elements[elementInstanceId];
  return (
    instance !== undefined &&
    instance.state === 'active' &&
    instance.data?.['wait'] === 'job' &&
    !state.incidents.some((incident) => incident.elementInstanceId === elementInstanceId)
  );
}

function activeJob(state: InstanceState, elementInstanceId: string): ElementInstance {
  const instance = waitingFor(state, elementInstanceId, 'job', 'job');
  const incident = state.incidents.find(
    (candidate) => candidate.elementInstanceId === elementInstanceId,
  );
  if (incident) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected job '${elementInstanceId}' (${instance.elementId}) to be activatable, but it has an open incident '${incident.id}' (${incident.type}); retry the incident first`,
    );
  }
  return instance;
}
