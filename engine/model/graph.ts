/**
 * The executable form of one BPMN process: built once at deploy, read-only
 * afterwards, indexed so the runtime only ever does map lookups.
 */
import type { Expression, FeelExpression } from '../expressions';

/** The element kinds the runtime has a behavior for (see engine/behaviors/index.ts). */
export type ElementKind =
  | 'process'
  | 'subProcess'
  | 'callActivity'
  | 'startEvent'
  | 'endEvent'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'userTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'manualTask'
  | 'task'
  | 'receiveTask'
  | 'boundaryEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'eventBasedGateway';

/** When a timer fires: at a date, after a duration, or repeatedly (ISO 8601, as FEEL or literal). */
export interface TimerDefinition {
  readonly kind: 'date' | 'duration' | 'cycle';
  readonly expression: Expression;
}

/** Which message an event waits for (or sends): its name and, for catching ones, the correlation key. */
export interface MessageDefinition {
  readonly name: Expression;
  /** zeebe:subscription correlationKey; evaluated when the subscription opens. Null on start events. */
  readonly correlationKey: Expression | null;
}

export type EventDefinition =
  | { readonly type: 'terminate' }
  | { readonly type: 'error'; readonly errorCode: string | null; readonly errorName: string | null }
  /** Escalation: thrown up the scopes without ending anything unless an interrupting catch event takes it. */
  | { readonly type: 'escalation'; readonly escalationCode: string | null }
  | { readonly type: 'timer'; readonly timer: TimerDefinition }
  | { readonly type: 'message'; readonly message: MessageDefinition }
  /** Signal: broadcast by name to every instance waiting for it (no correlation key). */
  | { readonly type: 'signal'; readonly name: Expression }
  /** Compensation throw: the completed instances of one activity, or (activityRef null) of the whole scope. */
  | { readonly type: 'compensate'; readonly activityRef: string | null };

/** zeebe:loopCharacteristics on a multi-instance activity. */
export interface MultiInstance {
  readonly sequential: boolean;
  readonly inputCollection: Expression;
  readonly inputElement: string | null;
  readonly outputCollection: string | null;
  readonly outputElement: Expression | null;
  readonly completionCondition: FeelExpression | null;
}

export interface IoMapping {
  readonly source: Expression;
  /** Variable name, or a dotted path into a context (`order.total`). */
  readonly target: string;
}

/** Zeebe extension data of one element; absent parts are null/empty. */
export interface ZeebeProperties {
  readonly taskDefinition: { readonly type: Expression; readonly retries: Expression } | null;
  readonly taskHeaders: Readonly<Record<string, string>>;
  readonly inputs: readonly IoMapping[];
  readonly outputs: readonly IoMapping[];
  /** zeebe:userTask present (a Camunda-managed user task rather than a job-worker one). */
  readonly userTask: boolean;
  readonly assignment: {
    readonly assignee: Expression | null;
    readonly candidateUsers: Expression | null;
    readonly candidateGroups: Expression | null;
  } | null;
  readonly form: { readonly formId: string | null; readonly formKey: string | null; readonly externalReference: string | null } | null;
  readonly schedule: { readonly dueDate: Expression | null; readonly followUpDate: Expression | null } | null;
  readonly calledElement: {
    readonly processId: Expression;
    readonly propagateAllChildVariables: boolean;
    readonly propagateAllParentVariables: boolean;
  } | null;
  readonly script: { readonly expression: Expression; readonly resultVariable: string | null } | null;
  readonly properties: Readonly<Record<string, string>>;
}

/** Baton's approval extension (baton:Approval) on a user task. */
export interface BatonApproval {
  readonly amount: Expression | null;
  readonly currency: string | null;
  readonly requester: Expression | null;
  readonly policy: 'chain' | 'first-qualified';
  readonly fallbackApprover: string | null;
  readonly selfAuthority: boolean;
  readonly reminder: string | null;
  readonly escalation: string | null;
  readonly expiry: string | null;
}

export interface ElementNode {
  readonly id: string;
  readonly kind: ElementKind;
  /** Moddle type as in the diagram, e.g. 'bpmn:UserTask'. */
  readonly type: string;
  readonly name: string | null;
  /** Element id of the enclosing process or sub-process; null for the process. */
  readonly scopeId: string | null;
  /** Sequence flow ids, in document order. */
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlowId: string | null;
  /** How tokens arriving on several flows meet: 'none' activates once per token. */
  readonly join: 'none' | 'parallel' | 'inclusive';
  readonly eventDefinition: EventDefinition | null;
  /** For scopes (process, sub-process): the flow nodes directly inside, and the none start event. */
  readonly children: readonly string[];
  readonly startEventId: string | null;
  /** For boundary events: the activity they are attached to. */
  readonly attachedToId: string | null;
  /** Boundary events and event sub-process starts: whether triggering ends the activity (scope). */
  readonly interrupting: boolean;
  /** Set on activities with multi-instance loop characteristics. */
  readonly multiInstance: MultiInstance | null;
  /** An event sub-process (triggeredByEvent): it starts on its start event's trigger, not by a flow. */
  readonly triggeredByEvent: boolean;
  /** For scopes: the start events of the event sub-processes directly inside. */
  readonly eventSubProcessStarts: readonly string[];
  readonly zeebe: ZeebeProperties;
  readonly approval: BatonApproval | null;
}

export interface SequenceFlow {
  readonly id: string;
  readonly name: string | null;
  readonly sourceId: string;
  readonly targetId: string;
  /** Null for an unconditional flow. */
  readonly condition: FeelExpression | null;
  readonly isDefault: boolean;
}

export interface StartEventInfo {
  readonly id: string;
  readonly name: string | null;
  readonly formId: string | null;
  readonly formKey: string | null;
}

export interface TimerStartEvent {
  readonly id: string;
  readonly timer: TimerDefinition;
}

export interface MessageStartEvent {
  readonly id: string;
  /** Message start names are static (evaluated at deploy), since no instance exists to evaluate them in. */
  readonly messageName: string;
}

export interface SignalStartEvent {
  readonly id: string;
  /** Static, like message start names. */
  readonly signalName: string;
}

export interface ProcessGraph {
  readonly processId: string;
  readonly name: string | null;
  readonly isExecutable: boolean;
  /** The process as an element (kind 'process'); also in `elements`. */
  readonly process: ElementNode;
  readonly elements: ReadonlyMap<string, ElementNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** Start events of the process scope (not of sub-processes). */
  readonly startEvents: readonly StartEventInfo[];
  /** Timer start events of the process: the runner schedules them on deploy and replaces them on redeploy. */
  readonly timerStartEvents: readonly TimerStartEvent[];
  /** Message start events of the process: a published message with this name starts an instance. */
  readonly messageStartEvents: readonly MessageStartEvent[];
  /** Signal start events of the process: a broadcast signal with this name starts an instance. */
  readonly signalStartEvents: readonly SignalStartEvent[];
  /** Compensation handler activity by the id of the activity it undoes (through its compensation boundary event). */
  readonly compensationHandlers: ReadonlyMap<string, string>;
  /** Boundary event ids by the id of the activity they are attached to. */
  readonly boundaryEvents: ReadonlyMap<string, readonly string[]>;
  /**
   * For each inclusive join: incoming flow id → the nodes of the same scope from
   * which a token can still reach that flow without passing the join.
   */
  readonly inclusiveUpstream: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  /** Embedded forms (zeebe:userTaskForm) by id, as JSON text. */
  readonly forms: ReadonlyMap<string, string>;
}
