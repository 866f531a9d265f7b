/**
 * One command's run over a (cloned) instance state: a queue of element
 * transitions processed until every token waits or ends, bounded by
 * maxSteps. The run is the context behaviors speak to; it alone changes the
 * state, and it records history and effects as it goes.
 */
import { behaviors, multiInstanceBody } from '../behaviors';
import type { BehaviorContext } from '../behaviors';
import {
  describe,
  evaluateExpression,
  type EvaluationResult,
  type Expression,
} from '../expressions';
import type { ElementNode, ProcessGraph } from '../model/graph';
import { dueDateOf, nextFiring, type Trigger } from './triggers';
import {
  CommandRejected,
  type CompensationRecord,
  type Effect,
  type ElementInstance,
  type HistoryEvent,
  type HistoryEventType,
  type InstanceState,
  type Json,
  type StepContext,
  type ThrownError,
  type Variables,
} from './types';
import { propagate, ScopeLookup, setVariable } from './variables';

export const DEFAULT_MAX_STEPS = 10_000;

/** Which transition an incident interrupted, so retrying it re-runs exactly that one. */
export type RetryPoint = 'activate' | 'complete' | 'job';

interface Transition {
  kind: 'activate' | 'complete';
  id: string;
}

export class Run implements BehaviorContext {
  readonly effects: Effect[] = [];
  readonly history: HistoryEvent[] = [];
  readonly now: number;
  /** The transition in progress, recorded on incidents raised during it. */
  phase: RetryPoint = 'activate';
  private readonly queue: Transition[] = [];
  private head = 0;
  private readonly children = new Map<string, Set<string>>();
  private readonly maxSteps: number;
  private steps = 0;
  private failed = false;
  private leaving: string[] | null = null;
  private processCompleted = false;

  constructor(
    readonly graph: ProcessGraph,
    readonly state: InstanceState,
    private readonly context: StepContext,
  ) {
    this.now = context.now;
    this.maxSteps = context.maxSteps ?? DEFAULT_MAX_STEPS;
    for (const id in state.elements) {
      const scopeId = state.elements[id]?.scopeId;
      if (scopeId) this.childrenOf(scopeId).add(id);
    }
  }

  get instanceId(): string {
    return this.state.instanceId;
  }

  newId(): string {
    return this.context.newId();
  }

  // -------------------------------------------------------------------------
  // The loop

  /** Processes queued transitions until every token waits or ends, or the step bound is hit. */
  run(): void {
    for (;;) {
      while (this.head < this.queue.length) {
        const transition = this.queue[this.head] as Transition;
        const instance = this.state.elements[transition.id];
        if (!instance) {
          this.head += 1;
          continue;
        }
        if (this.steps >= this.maxSteps) {
          this.stepLimitExceeded(instance, transition);
          this.queue.length = 0;
          this.head = 0;
          return;
        }
        this.head += 1;
        this.steps += 1;
        if (transition.kind === 'activate') this.activate(instance);
        else this.completeTransition(instance);
      }
      if (!this.fireWaitingInclusiveJoins()) break;
    }
    this.queue.length = 0;
    this.head = 0;
  }

  enqueue(kind: Transition['kind'], instance: ElementInstance): void {
    this.queue.push({ kind, id: instance.id });
  }

  /** Queues every transition left pending by an earlier run (a step limit), except on elements with an open incident. */
  resumePending(): void {
    const blocked = new Set(this.state.incidents.map((incident) => incident.elementInstanceId));
    for (const id in this.state.elements) {
      const instance = this.state.elements[id] as ElementInstance;
      if (blocked.has(id) || this.queue.some((transition) => transition.id === id)) continue;
      if (instance.state === 'activating') this.enqueue('activate', instance);
      else if (instance.state === 'completing') this.enqueue('complete', instance);
    }
  }

  private activate(instance: ElementInstance): void {
    const node = this.nodeOf(instance);
    this.phase = 'activate';
    this.failed = false;
    const body = node.multiInstance !== null && !this.isInner(instance);
    if (instance.state === 'activating') {
      // A multi-instance body maps nothing itself: each inner instance applies the mappings.
      if (!body && node.zeebe.inputs.length > 0 && !this.applyInputs(instance, node)) return;
      instance.state = 'active';
      this.record('ElementActivated', instance);
    }
    if (instance.data?.['triggers'] !== undefined) this.closeTriggers(instance);
    if (!this.openAttachedTriggers(instance, node, body)) return;
    if (body) multiInstanceBody.onActivate(this, instance, node);
    else behaviors[node.kind].onActivate(this, instance, node);
  }

  private completeTransition(instance: ElementInstance): void {
    const node = this.nodeOf(instance);
    this.phase = 'complete';
    this.failed = false;
    const inner = node.multiInstance !== null && this.isInner(instance);
    const body = node.multiInstance !== null && !inner;
    if (!body && node.zeebe.outputs.length > 0 && !this.applyOutputs(instance, node)) return;
    if (inner) {
      this.completeInner(instance, node);
      return;
    }
    this.leaving = [];
    if (body) multiInstanceBody.onComplete(this, instance, node);
    else behaviors[node.kind].onComplete(this, instance, node);
    const flows = this.leaving;
    this.leaving = null;
    if (this.failed) return;
    this.record('ElementCompleted', instance);
    this.rememberForCompensation(instance, node, body);
    this.remove(instance);
    const thrower = instance.data?.['compensationFor'];
    if (typeof thrower === 'string' && this.state.elements[thrower])
      this.nextCompensation(this.state.elements[thrower]);
    if (this.processCompleted) {
      this.processCompleted = false;
      this.finishProcess('completed');
      return;
    }
    for (const flowId of flows) this.take(flowId, instance.scopeId ?? this.state.instanceId);
    if (instance.scopeId !== null) this.scopeMayBeDone(instance.scopeId);
  }

  /** An inner instance of a multi-instance activity completed: it takes no flow; its body decides what comes next. */
  private completeInner(instance: ElementInstance, node: ElementNode): void {
    const body = instance.scopeId !== null ? this.state.elements[instance.scopeId] : undefined;
    if (!body) return;
    const finished = multiInstanceBody.onInnerCompleted(this, body, instance, node);
    if (finished === 'failed') return;
    this.record('ElementCompleted', instance);
    this.rememberForCompensation(instance, node, false);
    this.remove(instance);
    multiInstanceBody.afterInner(this, body, node, finished === 'condition');
  }

  /** Inner instances of a multi-instance activity live in a body instance of the same element. */
  private isInner(instance: ElementInstance): boolean {
    return (
      instance.scopeId !== null &&
      this.state.elements[instance.scopeId]?.elementId === instance.elementId
    );
  }

  activateInner(body: ElementInstance, variables: Variables): void {
    const inner: ElementInstance = {
      id: this.newId(),
      elementId: body.elementId,
      scopeId: body.id,
      state: 'activating',
    };
    this.state.elements[inner.id] = inner;
    this.state.variables[inner.id] = { ...variables };
    this.childrenOf(body.id).add(inner.id);
    this.enqueue('activate', inner);
  }

  terminateChildren(scope: ElementInstance): void {
    for (const id of [...this.childrenOf(scope.id)]) {
      const child = this.state.elements[id];
      if (child) this.terminate(child);
    }
    this.clearJoins(scope.id);
  }

  childCount(scope: ElementInstance): number {
    return this.children.get(scope.id)?.size ?? 0;
  }

  // -------------------------------------------------------------------------
  // Timers and message subscriptions (triggers), kept on the element instance that owns them

  /** Boundary events of the activity and the timer/message starts of the event sub-processes of a scope. */
  private openAttachedTriggers(
    instance: ElementInstance,
    node: ElementNode,
    body: boolean,
  ): boolean {
    const inner = node.multiInstance !== null && !body;
    if (!inner) {
      for (const boundaryId of this.graph.boundaryEvents.get(node.id) ?? []) {
        const boundary = this.graph.elements.get(boundaryId);
        if (boundary && !this.openTrigger(instance, boundary)) return false;
      }
    }
    if (!body) {
      for (const startId of node.eventSubProcessStarts) {
        const start = this.graph.elements.get(startId);
        if (start && !this.openTrigger(instance, start)) return false;
      }
    }
    return true;
  }

  openTrigger(owner: ElementInstance, event: ElementNode): boolean {
    const definition = event.eventDefinition;
    if (definition?.type === 'timer') {
      const due = dueDateOf(
        definition.timer,
        this.evaluate(owner, definition.timer.expression, `the timer of '${event.id}'`),
        this.now,
        event.id,
      );
      if (!due.ok) {
        this.raiseIncident(owner, 'EXTRACT_VALUE_ERROR', due.message);
        return false;
      }
      const trigger: Trigger = { elementId: event.id, kind: 'timer', dueAt: due.dueAt };
      if (due.interval !== null) {
        trigger.interval = due.interval;
        trigger.remaining = due.remaining;
      }
      this.addTimer(owner, trigger);
      return true;
    }
    if (definition?.type === 'signal') {
      const name = this.evaluate(owner, definition.name, `the signal name of '${event.id}'`);
      if (!name.ok || typeof name.value !== 'string' || name.value === '') {
        this.raiseIncident(
          owner,
          'EXTRACT_VALUE_ERROR',
          name.ok
            ? `Expected the signal name of '${event.id}' to be a non-empty string, but it was ${describe(name.value)}`
            : name.message,
        );
        return false;
      }
      const id = this.newId();
      this.triggersOf(owner)[id] = {
        elementId: event.id,
        kind: 'signal',
        messageName: name.value,
        correlationKey: '',
      };
      this.emit({
        type: 'OpenSubscription',
        subscription: {
          id,
          elementInstanceId: owner.id,
          elementId: event.id,
          messageName: name.value,
          correlationKey: '',
          interrupting: event.interrupting,
          kind: 'signal',
        },
      });
      return true;
    }
    if (definition?.type === 'message') {
      const name = this.evaluate(
        owner,
        definition.message.name,
        `the message name of '${event.id}'`,
      );
      if (!name.ok || typeof name.value !== 'string' || name.value === '') {
        this.raiseIncident(
          owner,
          'EXTRACT_VALUE_ERROR',
          name.ok
            ? `Expected the message name of '${event.id}' to be a non-empty string, but it was ${describe(name.value)}`
            : name.message,
        );
        return false;
      }
      let correlationKey = '';
      if (definition.message.correlationKey) {
        const key = this.evaluate(
          owner,
          definition.message.correlationKey,
          `the correlation key of '${event.id}'`,
        );
        if (!key.ok || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
          this.raiseIncident(
            owner,
            'EXTRACT_VALUE_ERROR',
            key.ok
              ? `Expected the correlation key '${definition.message.correlationKey.source}' of '${event.id}' to be a string or a number, but it was ${describe(key.value)}`
              : key.message,
          );
          return false;
        }
        correlationKey = String(key.value);
      }
      const id = this.newId();
      this.triggersOf(owner)[id] = {
        elementId: event.id,
        kind: 'message',
        messageName: name.value,
        correlationKey,
      };
      this.emit({
        type: 'OpenSubscription',
        subscription: {
          id,
          elementInstanceId: owner.id,
          elementId: event.id,
          messageName: name.value,
          correlationKey,
          interrupting: event.interrupting,
        },
      });
      return true;
    }
    return true;
  }

  private addTimer(owner: ElementInstance, trigger: Trigger): void {
    const id = this.newId();
    this.triggersOf(owner)[id] = trigger;
    const timer: Extract<Effect, { type: 'CreateTimer' }>['timer'] = {
      id,
      elementInstanceId: owner.id,
      elementId: trigger.elementId,
      dueAt: trigger.dueAt ?? this.now,
    };
    if (trigger.interval !== undefined) {
      timer.interval = trigger.interval;
      if (trigger.remaining !== undefined && trigger.remaining !== null)
        timer.repetitions = trigger.remaining;
    }
    this.emit({ type: 'CreateTimer', timer });
    this.record('TimerCreated', owner, {
      timerId: id,
      eventId: trigger.elementId,
      dueAt: timer.dueAt,
    });
  }

  private triggersOf(owner: ElementInstance): Record<string, Trigger> {
    const data = (owner.data ??= {});
    const existing = data['triggers'];
    if (existing !== null && typeof existing === 'object' && !Array.isArray(existing))
      return existing as unknown as Record<string, Trigger>;
    const created: Record<string, Trigger> = {};
    data['triggers'] = created as unknown as Json;
    return created;
  }

  /** Cancels the owner's timers and closes its subscriptions (all, or those of the given catch events). */
  private closeTriggers(owner: ElementInstance, only?: ReadonlySet<string>): void {
    const triggers = owner.data?.['triggers'] as Record<string, Trigger> | undefined;
    if (!triggers) return;
    for (const id of Object.keys(triggers)) {
      const trigger = triggers[id] as Trigger;
      if (only && !only.has(trigger.elementId)) continue;
      this.emit(
        trigger.kind === 'timer'
          ? { type: 'CancelTimer', timerId: id }
          : { type: 'CloseSubscription', subscriptionId: id },
      );
      delete triggers[id];
    }
    if (!only && owner.data) {
      const { triggers: _closed, ...rest } = owner.data;
      owner.data = rest;
    }
  }

  /** A due timer of this element instance fires (the runner has already removed its row). */
  fireTimer(ownerId: string, timerId: string): void {
    const owner = this.state.elements[ownerId];
    const triggers = owner?.data?.['triggers'] as Record<string, Trigger> | undefined;
    const trigger = triggers?.[timerId];
    if (!owner || !triggers || trigger?.kind !== 'timer' || owner.state !== 'active') {
      throw new CommandRejected(
        'NOT_FOUND',
        `Expected a pending timer '${timerId}' on element instance '${ownerId}', but there is none`,
      );
    }
    delete triggers[timerId];
    this.record('TimerFired', owner, { timerId, eventId: trigger.elementId });
    this.occur(owner, trigger, {});
  }

  /** A message correlated to a subscription of this element instance. */
  correlateMessage(
    ownerId: string,
    messageName: string,
    subscriptionId: string | undefined,
    variables: Variables,
  ): void {
    const owner = this.state.elements[ownerId];
    const triggers = owner?.data?.['triggers'] as Record<string, Trigger> | undefined;
    const id = triggers
      ? Object.keys(triggers).find((candidate) => {
          const trigger = triggers[candidate] as Trigger;
          return (
            trigger.kind !== 'timer' &&
            trigger.messageName === messageName &&
            (subscriptionId === undefined || candidate === subscriptionId)
          );
        })
      : undefined;
    const trigger = id === undefined ? undefined : triggers?.[id];
    if (!owner || !trigger || owner.state !== 'active') {
      throw new CommandRejected(
        'NOT_FOUND',
        `Expected a subscription to message '${messageName}' on element instance '${ownerId}', but there is none`,
      );
    }
    if (trigger.kind === 'signal')
      this.record('SignalReceived', owner, { signalName: messageName, eventId: trigger.elementId });
    else
      this.record('MessageCorrelated', owner, {
        messageName,
        eventId: trigger.elementId,
        subscriptionId: id ?? null,
        correlationKey: trigger.correlationKey ?? '',
      });
    this.occur(owner, trigger, variables);
  }

  /** What a fired timer or correlated message does depends on where its catch event sits. */
  private occur(owner: ElementInstance, trigger: Trigger, variables: Variables): void {
    const event = this.graph.elements.get(trigger.elementId);
    if (!event) return;
    if (event.id === owner.elementId) {
      // An intermediate catch event or receive task waiting for this itself.
      this.applyResult(owner, variables);
      this.complete(owner);
      return;
    }
    const ownerNode = this.nodeOf(owner);
    const scopeId = owner.scopeId ?? this.state.instanceId;
    if (ownerNode.kind === 'eventBasedGateway') {
      // The first event wins: the gateway completes into it, the other events' triggers close with it.
      this.record('ElementCompleted', owner);
      this.remove(owner);
      const flowId = ownerNode.outgoing.find(
        (candidate) => this.graph.flows.get(candidate)?.targetId === event.id,
      );
      if (flowId)
        this.history.push({
          type: 'FlowTaken',
          at: this.now,
          elementId: flowId,
          elementType: 'bpmn:SequenceFlow',
          data: { scopeId },
        });
      this.spawnTriggered(event.id, scopeId, variables);
      return;
    }
    if (event.kind === 'boundaryEvent') {
      if (event.interrupting) this.terminate(owner);
      else this.repeat(owner, trigger);
      this.spawnTriggered(event.id, scopeId, variables);
      return;
    }
    if (event.kind === 'startEvent' && event.scopeId !== null) {
      this.startEventSubProcess(owner, ownerNode, event, trigger, variables);
    }
  }

  /** A non-interrupting timer cycle arms its next firing while its activity still runs. */
  private repeat(owner: ElementInstance, trigger: Trigger): void {
    if (trigger.kind !== 'timer') return;
    const next = nextFiring(trigger.dueAt ?? this.now, trigger.interval, trigger.remaining);
    if (!next || trigger.interval === undefined) return;
    this.addTimer(owner, {
      elementId: trigger.elementId,
      kind: 'timer',
      dueAt: next.dueAt,
      interval: trigger.interval,
      remaining: next.remaining,
    });
  }

  private startEventSubProcess(
    scope: ElementInstance,
    scopeNode: ElementNode,
    start: ElementNode,
    trigger: Trigger | null,
    variables: Variables,
  ): void {
    const eventSubProcessId = start.scopeId;
    if (eventSubProcessId === null) return;
    if (start.interrupting) {
      // Everything else in the scope ends, and so do the other event sub-processes' triggers.
      this.terminateChildren(scope);
      this.closeTriggers(scope, new Set(scopeNode.eventSubProcessStarts));
    } else if (trigger) {
      this.repeat(scope, trigger);
    }
    const instance = this.spawn(eventSubProcessId, scope.id);
    this.state.variables[instance.id] = { ...variables };
  }

  private spawnTriggered(elementId: string, scopeId: string, variables: Variables): void {
    const instance = this.spawn(elementId, scopeId);
    instance.data = { triggered: true, payload: variables };
  }

  /** Applies what a trigger carried (message or error variables) to an element activated by it; false if it was not triggered. */
  takeTrigger(instance: ElementInstance): boolean {
    if (instance.data?.['triggered'] !== true) return false;
    const payload = instance.data['payload'];
    const { triggered: _triggered, payload: _payload, ...rest } = instance.data;
    instance.data = rest;
    if (payload !== null && typeof payload === 'object' && !Array.isArray(payload))
      this.applyResult(instance, payload);
    return true;
  }

  // -------------------------------------------------------------------------
  // Compensation

  /**
   * A completed activity with a handler is remembered with its variables; a
   * completed sub-process hands its list up. A multi-instance body is
   * remembered through its inner instances, each compensated on its own.
   */
  private rememberForCompensation(
    instance: ElementInstance,
    node: ElementNode,
    body: boolean,
  ): void {
    if (instance.scopeId === null) return;
    const handlerId = body ? undefined : this.graph.compensationHandlers.get(node.id);
    const inner = this.state.compensations?.[instance.id];
    if (!handlerId && !inner) return;
    const compensations = (this.state.compensations ??= {});
    const list = (compensations[instance.scopeId] ??= []);
    if (inner) {
      list.push(...inner);
      delete compensations[instance.id];
    }
    if (handlerId)
      list.push({
        activityId: node.id,
        elementInstanceId: instance.id,
        handlerId,
        variables: this.visibleVariables(instance),
      });
  }

  /**
   * Runs the handlers of the completed activities of the thrower's scope (or of
   * one activity), most recently completed first, one after the other, each
   * with the variables its activity saw; the thrower completes after the last.
   */
  compensate(thrower: ElementInstance, activityRef: string | null): void {
    const scopeId = thrower.scopeId ?? this.state.instanceId;
    const list = this.state.compensations?.[scopeId] ?? [];
    const chosen = list.filter(
      (record) => activityRef === null || record.activityId === activityRef,
    );
    const rest = list.filter((record) => !chosen.includes(record));
    if (this.state.compensations) {
      if (rest.length > 0) this.state.compensations[scopeId] = rest;
      else delete this.state.compensations[scopeId];
    }
    if (chosen.length === 0) {
      this.complete(thrower);
      return;
    }
    this.wait(thrower, {
      wait: 'compensation',
      compensations: chosen.reverse() as unknown as Json,
    });
    this.nextCompensation(thrower);
  }

  private nextCompensation(thrower: ElementInstance): void {
    const queue = thrower.data?.['compensations'];
    const [next, ...rest] = Array.isArray(queue) ? (queue as unknown as CompensationRecord[]) : [];
    if (!next) {
      const { compensations: _done, ...data } = thrower.data ?? {};
      thrower.data = data;
      this.complete(thrower);
      return;
    }
    thrower.data = { ...thrower.data, compensations: rest as unknown as Json };
    const handler = this.spawn(next.handlerId, thrower.scopeId ?? this.state.instanceId);
    handler.data = { compensationFor: thrower.id, compensates: next.elementInstanceId };
    this.state.variables[handler.id] = { ...next.variables };
  }

  // -------------------------------------------------------------------------
  // Mappings and variables

  private applyInputs(instance: ElementInstance, node: ElementNode): boolean {
    this.state.variables[instance.id] ??= {};
    for (const input of node.zeebe.inputs) {
      const result = this.evaluate(instance, input.source, `the input mapping '${input.target}'`);
      if (!result.ok) {
        delete this.state.variables[instance.id];
        this.raiseIncident(instance, 'IO_MAPPING_ERROR', result.message);
        return false;
      }
      setVariable(this.state, instance.id, input.target, result.value);
    }
    return true;
  }

  private applyOutputs(instance: ElementInstance, node: ElementNode): boolean {
    const values: Variables = {};
    for (const output of node.zeebe.outputs) {
      const result = this.evaluate(
        instance,
        output.source,
        `the output mapping '${output.target}'`,
      );
      if (!result.ok) {
        this.raiseIncident(instance, 'IO_MAPPING_ERROR', result.message);
        return false;
      }
      values[output.target] = result.value;
    }
    propagate(this.state, instance.scopeId ?? this.state.instanceId, values);
    return true;
  }

  evaluate(instance: ElementInstance, expression: Expression, what: string): EvaluationResult {
    const result = evaluateExpression(expression, new ScopeLookup(this.state, instance.id));
    if (result.ok) return result;
    return { ok: false, message: `${result.message} [${what} of element '${instance.elementId}']` };
  }

  visibleVariables(instance: ElementInstance): Variables {
    return new ScopeLookup(this.state, instance.id).toObject();
  }

  localVariables(instance: ElementInstance): Variables {
    return { ...this.state.variables[instance.id] };
  }

  localVariable(instance: ElementInstance, name: string): Json | undefined {
    return this.state.variables[instance.id]?.[name];
  }

  applyResult(instance: ElementInstance, variables: Variables): void {
    let any = false;
    for (const _ in variables) {
      any = true;
      break;
    }
    if (!any) return;
    if (this.nodeOf(instance).zeebe.outputs.length > 0) {
      for (const name of Object.keys(variables))
        setVariable(this.state, instance.id, name, variables[name] as Json);
    } else if (this.state.variables[instance.id] !== undefined) {
      // Names the element defines locally (input mappings, a multi-instance item) stay local, as in Camunda.
      propagate(this.state, instance.id, variables);
    } else {
      propagate(this.state, instance.scopeId ?? this.state.instanceId, variables);
    }
  }

  createScope(instance: ElementInstance): void {
    this.state.variables[instance.id] ??= {};
  }

  setLocalVariable(instance: ElementInstance, name: string, value: Json): void {
    setVariable(this.state, instance.id, name, value);
  }

  propagateFrom(instance: ElementInstance, variables: Variables): void {
    propagate(this.state, instance.scopeId ?? this.state.instanceId, variables);
  }

  // -------------------------------------------------------------------------
  // Tokens

  complete(instance: ElementInstance): void {
    instance.state = 'completing';
    this.enqueue('complete', instance);
  }

  wait(instance: ElementInstance, data: { [key: string]: Json }): void {
    instance.state = 'active';
    instance.data = instance.data ? { ...instance.data, ...data } : data;
  }

  takeFlows(_instance: ElementInstance, flowIds: readonly string[]): void {
    if (this.leaving === null)
      throw new Error('takeFlows is only valid while an element completes');
    for (const flowId of flowIds) this.leaving.push(flowId);
  }

  activateChild(scope: ElementInstance, elementId: string): void {
    this.spawn(elementId, scope.id);
  }

  private spawn(elementId: string, scopeId: string): ElementInstance {
    const instance: ElementInstance = { id: this.newId(), elementId, scopeId, state: 'activating' };
    this.state.elements[instance.id] = instance;
    this.childrenOf(scopeId).add(instance.id);
    this.enqueue('activate', instance);
    return instance;
  }

  private take(flowId: string, scopeId: string): void {
    const flow = this.graph.flows.get(flowId);
    if (!flow) return;
    this.history.push({
      type: 'FlowTaken',
      at: this.now,
      elementId: flow.id,
      elementType: 'bpmn:SequenceFlow',
      data: { scopeId },
    });
    const target = this.graph.elements.get(flow.targetId);
    if (!target) return;
    if (target.join === 'none') {
      this.spawn(target.id, scopeId);
      return;
    }
    const key = `${scopeId}/${target.id}`;
    const counts = (this.state.joins[key] ??= {});
    counts[flowId] = (counts[flowId] ?? 0) + 1;
    const everyFlowArrived = target.incoming.every((incoming) => (counts[incoming] ?? 0) > 0);
    if (
      everyFlowArrived ||
      (target.join === 'inclusive' && this.inclusiveJoinCanFire(scopeId, target, counts))
    ) {
      this.consumeJoin(key, target, counts);
      this.spawn(target.id, scopeId);
    }
  }

  private consumeJoin(key: string, gateway: ElementNode, counts: Record<string, number>): void {
    for (const flowId of gateway.incoming) {
      const count = counts[flowId] ?? 0;
      if (count > 1) counts[flowId] = count - 1;
      else delete counts[flowId];
    }
    if (Object.keys(counts).length === 0) delete this.state.joins[key];
  }

  /**
   * BPMN's inclusive join rule: it fires when, for every incoming flow without
   * a token, no token elsewhere in the scope can still reach that flow.
   */
  private inclusiveJoinCanFire(
    scopeId: string,
    gateway: ElementNode,
    counts: Record<string, number>,
  ): boolean {
    const upstream = this.graph.inclusiveUpstream.get(gateway.id);
    if (!upstream) return true;
    const prefix = `${scopeId}/`;
    const locations: string[] = [];
    for (const id of this.childrenOf(scopeId)) {
      const elementId = this.state.elements[id]?.elementId;
      if (elementId !== undefined) locations.push(elementId);
    }
    for (const key in this.state.joins) {
      if (key.startsWith(prefix) && key !== `${prefix}${gateway.id}`)
        locations.push(key.slice(prefix.length));
    }
    for (const flowId of gateway.incoming) {
      if ((counts[flowId] ?? 0) > 0) continue;
      const reach = upstream.get(flowId);
      if (reach && locations.some((location) => reach.has(location))) return false;
    }
    return true;
  }

  /** Once the queue is empty, tokens elsewhere may have ended: inclusive joins waiting for them can fire. */
  private fireWaitingInclusiveJoins(): boolean {
    let fired = false;
    for (const key of Object.keys(this.state.joins)) {
      const slash = key.lastIndexOf('/');
      const scopeId = key.slice(0, slash);
      const gateway = this.graph.elements.get(key.slice(slash + 1));
      const counts = this.state.joins[key];
      if (!gateway || gateway.join !== 'inclusive' || !counts) continue;
      if (this.inclusiveJoinCanFire(scopeId, gateway, counts)) {
        this.consumeJoin(key, gateway, counts);
        this.spawn(gateway.id, scopeId);
        fired = true;
      }
    }
    return fired;
  }

  /** A scope with no token left inside (no element, no token waiting at a join) completes. */
  private scopeMayBeDone(scopeId: string): void {
    if ((this.children.get(scopeId)?.size ?? 0) > 0) return;
    const prefix = `${scopeId}/`;
    for (const key in this.state.joins) if (key.startsWith(prefix)) return;
    const scope = this.state.elements[scopeId];
    if (scope?.state === 'active') this.complete(scope);
  }

  // -------------------------------------------------------------------------
  // Ending things

  terminateScope(instance: ElementInstance): void {
    const scopeId = instance.scopeId;
    if (scopeId === null) return;
    for (const id of [...this.childrenOf(scopeId)]) {
      const child = this.state.elements[id];
      if (child && child.id !== instance.id) this.terminate(child);
    }
    this.clearJoins(scopeId);
  }

  /** Terminates an element instance and everything inside it, innermost first. */
  terminate(instance: ElementInstance): void {
    for (const id of [...this.childrenOf(instance.id)]) {
      const child = this.state.elements[id];
      if (child) this.terminate(child);
    }
    this.clearJoins(instance.id);
    instance.state = 'terminating';
    const node = this.graph.elements.get(instance.elementId);
    if (node) behaviors[node.kind].onTerminate(this, instance, node);
    this.resolveIncidentsOf(instance.id, 'element terminated');
    instance.state = 'terminated';
    this.record('ElementTerminated', instance);
    this.remove(instance);
  }

  completeProcess(): void {
    this.processCompleted = true;
  }

  /** Ends the instance: completed normally, or terminated by a cancel. */
  finishProcess(outcome: 'completed' | 'terminated'): void {
    this.state.status = outcome;
    this.state.joins = {};
    this.history.push({
      type: outcome === 'completed' ? 'InstanceCompleted' : 'InstanceTerminated',
      at: this.now,
      elementId: this.graph.processId,
      elementInstanceId: this.state.instanceId,
      elementType: 'bpmn:Process',
    });
    const parent = this.state.parent;
    if (parent) {
      this.emit({
        type: 'NotifyParent',
        parentInstanceId: parent.instanceId,
        parentElementInstanceId: parent.elementInstanceId,
        outcome,
        variables: { ...this.state.variables[this.state.instanceId] },
      });
    }
  }

  /**
   * Throws a BPMN error at the thrower: caught in this instance if anything
   * catches it; else, in an instance started by a call activity, the call
   * activity throws it on, and the thrower waits to hear whether anything up
   * there catches it; else an incident on the thrower.
   */
  throwError(
    instance: ElementInstance,
    errorCode: string | null,
    errorMessage: string,
    variables: Variables = {},
  ): void {
    this.record('ErrorThrown', instance, { errorCode, errorMessage });
    if (this.catchError(instance, errorCode, variables)) return;
    if (!this.state.parent) {
      this.raiseUncaughtError(instance, errorCode, errorMessage);
      return;
    }
    this.failed = true;
    // Where a retry of the incident would resume, should no caller catch the error either.
    instance.data = { ...instance.data, retry: this.phase };
    this.throwToParent({
      errorCode,
      errorMessage,
      variables,
      thrownAt: { instanceId: this.instanceId, elementInstanceId: instance.id },
    });
  }

  /**
   * An error the child instance did not catch, thrown at the call activity
   * waiting for it: caught here like an error of this instance, else thrown on
   * to this instance's own caller. With no caller left the call activity keeps
   * waiting, and the incident goes to the element that threw the error.
   */
  throwErrorFromChild(callActivity: ElementInstance, error: ThrownError): void {
    this.record('ErrorThrown', callActivity, {
      errorCode: error.errorCode,
      errorMessage: error.errorMessage,
      thrownIn: error.thrownAt.instanceId,
    });
    if (this.catchError(callActivity, error.errorCode, error.variables)) return;
    if (this.state.parent) this.throwToParent(error);
  }

  /** No catch event for the error in this instance or its callers. */
  raiseUncaughtError(
    instance: ElementInstance,
    errorCode: string | null,
    errorMessage: string,
  ): void {
    this.raiseIncident(
      instance,
      'UNHANDLED_ERROR_EVENT',
      `Expected an error catch event for error code '${errorCode ?? ''}' thrown by ${errorMessage}, but none was found in the enclosing scopes`,
    );
  }

  private throwToParent(error: ThrownError): void {
    const parent = this.state.parent;
    if (!parent) return;
    this.emit({
      type: 'NotifyParent',
      parentInstanceId: parent.instanceId,
      parentElementInstanceId: parent.elementInstanceId,
      outcome: 'error',
      error,
    });
  }

  /**
   * Walks from the thrower outwards: in each scope an error event sub-process
   * inside it, then the error boundary events on it; an exact error code wins
   * over a catch-all in the same place. False when nothing catches it.
   */
  private catchError(
    instance: ElementInstance,
    errorCode: string | null,
    variables: Variables,
  ): boolean {
    for (
      let current: ElementInstance | undefined = instance;
      current;
      current = current.scopeId ? this.state.elements[current.scopeId] : undefined
    ) {
      const node = this.graph.elements.get(current.elementId);
      if (!node) continue;
      if (current !== instance && node.eventSubProcessStarts.length > 0) {
        const start = this.errorCatch(node.eventSubProcessStarts, errorCode);
        if (start) {
          this.startEventSubProcess(current, node, start, null, variables);
          return true;
        }
      }
      if (node.multiInstance !== null && this.isInner(current)) continue;
      const boundary = this.errorCatch(
        this.graph.boundaryEvents.get(current.elementId) ?? [],
        errorCode,
      );
      if (boundary) {
        const scopeId = current.scopeId ?? this.state.instanceId;
        this.terminate(current);
        this.spawnTriggered(boundary.id, scopeId, variables);
        return true;
      }
    }
    return false;
  }

  /**
   * Walks the enclosing scopes of the thrower like an error, but an escalation
   * nobody catches is no failure, and a non-interrupting catch leaves the
   * thrower running: 'continue' says the thrower goes on, 'interrupted' that a
   * catch event ended it.
   */
  escalate(instance: ElementInstance, escalationCode: string | null): 'continue' | 'interrupted' {
    this.record('EscalationThrown', instance, { escalationCode });
    for (
      let current = instance.scopeId ? this.state.elements[instance.scopeId] : undefined;
      current;
      current = current.scopeId ? this.state.elements[current.scopeId] : undefined
    ) {
      const node = this.graph.elements.get(current.elementId);
      if (!node) continue;
      const start = this.errorCatch(node.eventSubProcessStarts, escalationCode, 'escalation');
      if (start) {
        this.startEventSubProcess(current, node, start, null, {});
        return start.interrupting ? 'interrupted' : 'continue';
      }
      if (node.multiInstance !== null && this.isInner(current)) continue;
      const boundary = this.errorCatch(
        this.graph.boundaryEvents.get(current.elementId) ?? [],
        escalationCode,
        'escalation',
      );
      if (boundary) {
        const scopeId = current.scopeId ?? this.state.instanceId;
        if (boundary.interrupting) this.terminate(current);
        this.spawnTriggered(boundary.id, scopeId, {});
        return boundary.interrupting ? 'interrupted' : 'continue';
      }
    }
    return 'continue';
  }

  /** The catch event for a code among candidates: the one naming it, else one without a code. */
  private errorCatch(
    candidates: readonly string[],
    code: string | null,
    type: 'error' | 'escalation' = 'error',
  ): ElementNode | undefined {
    let catchAll: ElementNode | undefined;
    for (const id of candidates) {
      const node = this.graph.elements.get(id);
      const definition = node?.eventDefinition;
      if (definition?.type !== type) continue;
      const own =
        definition.type === 'error'
          ? definition.errorCode
          : definition.type === 'escalation'
            ? definition.escalationCode
            : null;
      if (own === null) catchAll ??= node;
      else if (own === code) return node;
    }
    return catchAll;
  }

  private remove(instance: ElementInstance): void {
    if (instance.data?.['triggers'] !== undefined) this.closeTriggers(instance);
    if (this.state.compensations?.[instance.id]) delete this.state.compensations[instance.id];
    delete this.state.elements[instance.id];
    if (instance.scopeId !== null) {
      delete this.state.variables[instance.id];
      this.children.get(instance.scopeId)?.delete(instance.id);
    }
    this.children.delete(instance.id);
  }

  private clearJoins(scopeId: string): void {
    const prefix = `${scopeId}/`;
    for (const key in this.state.joins) if (key.startsWith(prefix)) delete this.state.joins[key];
  }

  // -------------------------------------------------------------------------
  // Incidents, history, effects

  raiseIncident(instance: ElementInstance, type: string, message: string): void {
    this.failed = true;
    const incident = {
      id: this.newId(),
      elementId: instance.elementId,
      elementInstanceId: instance.id,
      type,
      message,
      createdAt: this.now,
    };
    this.state.incidents.push(incident);
    instance.data = { ...instance.data, retry: this.phase };
    this.record('IncidentRaised', instance, {
      incidentId: incident.id,
      incidentType: type,
      message,
    });
  }

  resolveIncidentsOf(elementInstanceId: string, reason: string, by?: string): void {
    if (this.state.incidents.length === 0) return;
    const remaining = [];
    for (const incident of this.state.incidents) {
      if (incident.elementInstanceId !== elementInstanceId) {
        remaining.push(incident);
        continue;
      }
      const event: HistoryEvent = {
        type: 'IncidentResolved',
        at: this.now,
        elementId: incident.elementId,
        elementInstanceId,
        data: { incidentId: incident.id, incidentType: incident.type, reason },
      };
      if (by !== undefined) event.by = by;
      this.history.push(event);
    }
    this.state.incidents = remaining;
  }

  private stepLimitExceeded(instance: ElementInstance, transition: Transition): void {
    this.phase = transition.kind;
    this.raiseIncident(
      instance,
      'STEP_LIMIT_EXCEEDED',
      `Expected the instance to reach a wait state within ${this.maxSteps} element transitions, but it was still running at '${instance.elementId}' (a loop without a wait state?)`,
    );
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  record(
    type: HistoryEventType,
    instance: ElementInstance,
    data?: { [key: string]: Json },
    by?: string,
  ): void {
    const event: HistoryEvent = {
      type,
      at: this.now,
      elementId: instance.elementId,
      elementInstanceId: instance.id,
      elementType: this.graph.elements.get(instance.elementId)?.type ?? 'unknown',
    };
    if (by !== undefined) event.by = by;
    if (data !== undefined) event.data = data;
    this.history.push(event);
  }

  nodeOf(instance: ElementInstance): ElementNode {
    const node = this.graph.elements.get(instance.elementId);
    if (!node)
      throw new Error(
        `Element '${instance.elementId}' is not part of process '${this.graph.processId}'`,
      );
    return node;
  }

  childrenOf(scopeId: string): Set<string> {
    let set = this.children.get(scopeId);
    if (!set) {
      set = new Set();
      this.children.set(scopeId, set);
    }
    return set;
  }
}
