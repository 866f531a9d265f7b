/**
 * The one lifecycle every element kind goes through. The runtime drives the
 * transitions (activating → active → completing → completed, or terminated)
 * and applies input/output mappings; a behavior only says what its element does
 * at each point, and says it through the context as intents.
 */
import type { EvaluationResult, Expression } from '../expressions';
import type { ElementNode, ProcessGraph } from '../model/graph';
import type { Effect, ElementInstance, HistoryEventType, Json, Variables } from '../runtime/types';

export interface BehaviorContext {
  readonly graph: ProcessGraph;
  /** The process instance the step runs for (what mails and other effects outside the step refer to). */
  readonly instanceId: string;
  readonly now: number;
  newId(): string;

  /** Evaluates an expression where the element instance sees variables; `what` names it in failures. */
  evaluate(instance: ElementInstance, expression: Expression, what: string): EvaluationResult;
  /** All variables visible from the element instance (inner scopes win). */
  visibleVariables(instance: ElementInstance): Variables;
  /** Variables of the element's own scope (its input mappings). */
  localVariables(instance: ElementInstance): Variables;
  /** One variable of the element's own scope, without copying the scope. */
  localVariable(instance: ElementInstance, name: string): Json | undefined;
  /** Variables the element produced (job/task/child/script result): to its local scope when it has output mappings, else propagated. */
  applyResult(instance: ElementInstance, variables: Variables): void;
  /** Gives the element instance its own variable scope. */
  createScope(instance: ElementInstance): void;

  /** The element's own work is done: complete it (output mappings, then onComplete). */
  complete(instance: ElementInstance): void;
  /** The element waits for something outside the step; `data` says for what. */
  wait(instance: ElementInstance, data: { [key: string]: Json }): void;
  /** While completing: leave the element through these sequence flows. */
  takeFlows(instance: ElementInstance, flowIds: readonly string[]): void;
  /** Starts a token at an element directly inside this scope instance (a start event). */
  activateChild(scope: ElementInstance, elementId: string): void;
  /** Terminates every other element instance in the scope of `instance` (terminate end event). */
  terminateScope(instance: ElementInstance): void;
  /** The process instance has nothing left to do. */
  completeProcess(instance: ElementInstance): void;
  /** A BPMN error: caught by the nearest matching error event sub-process or boundary event, else thrown at the calling call activity, else an incident. */
  throwError(
    instance: ElementInstance,
    errorCode: string | null,
    errorMessage: string,
    variables?: Variables,
  ): void;

  /** Opens the timer or message subscription of `event` (a catch event or receive task) on `owner`; false if an incident was raised. */
  openTrigger(owner: ElementInstance, event: ElementNode): boolean;
  /** For an element activated by a trigger (boundary event, event after an event-based gateway): applies what it carried; false if it was not triggered. */
  takeTrigger(instance: ElementInstance): boolean;

  /** Throws an escalation to the enclosing scopes; 'interrupted' when an interrupting catch event ended the thrower. */
  escalate(instance: ElementInstance, escalationCode: string | null): 'continue' | 'interrupted';
  /** Runs the compensation handlers of the completed activities of the scope (or of one activity), then completes `thrower`. */
  compensate(thrower: ElementInstance, activityRef: string | null): void;

  /** Multi-instance: starts one inner instance of the body's activity with these local variables. */
  activateInner(body: ElementInstance, variables: Variables): void;
  /** Terminates every element instance inside the scope instance. */
  terminateChildren(scope: ElementInstance): void;
  /** How many element instances are live directly inside the scope instance. */
  childCount(scope: ElementInstance): number;
  setLocalVariable(instance: ElementInstance, name: string, value: Json): void;
  /** Sets variables from the element's enclosing scope outwards (nearest scope defining each, else the root). */
  propagateFrom(instance: ElementInstance, variables: Variables): void;

  /** A runtime failure: an incident on this element, retryable. */
  raiseIncident(instance: ElementInstance, type: string, message: string): void;
  emit(effect: Effect): void;
  record(
    type: HistoryEventType,
    instance: ElementInstance,
    data?: { [key: string]: Json },
    by?: string,
  ): void;
}

export interface Behavior {
  /** The token arrived and input mappings are applied: do the work, then `complete` or `wait`. */
  onActivate(context: BehaviorContext, instance: ElementInstance, node: ElementNode): void;
  /** Output mappings are applied: say where the token goes next (`takeFlows`), if anywhere. */
  onComplete(context: BehaviorContext, instance: ElementInstance, node: ElementNode): void;
  /** The element is being terminated: cancel what it started outside the step. */
  onTerminate(context: BehaviorContext, instance: ElementInstance, node: ElementNode): void;
}

/** Leaves through every outgoing flow: the BPMN default for activities and events. */
export function leaveThroughAll(
  context: BehaviorContext,
  instance: ElementInstance,
  node: ElementNode,
): void {
  context.takeFlows(instance, node.outgoing);
}

export function nothing(): void {
  // Elements that start nothing outside the step have nothing to cancel.
}
