/**
 * What the engine executes. The designer reads this list to offer only these
 * elements; the compiler reads it to reject everything else by name.
 */
import type { ElementKind } from './model/graph';

export interface ElementCapability {
  /** Moddle type, e.g. 'bpmn:UserTask'. */
  readonly type: string;
  /** The behavior that runs it; null for markers that are not flow elements themselves (multi-instance loop characteristics). */
  readonly kind: ElementKind | null;
  /** Event definitions this element may carry; 'none' means without one. Empty for non-events. */
  readonly eventDefinitions: readonly string[];
  /** Whether it may be an event sub-process (triggeredByEvent) with a timer, message, signal, error or escalation start. */
  readonly eventSubProcess?: boolean;
}

const TIMER = 'bpmn:TimerEventDefinition';
const MESSAGE = 'bpmn:MessageEventDefinition';
const ERROR = 'bpmn:ErrorEventDefinition';
const COMPENSATE = 'bpmn:CompensateEventDefinition';
const ESCALATION = 'bpmn:EscalationEventDefinition';
const SIGNAL = 'bpmn:SignalEventDefinition';

export const capabilities: readonly ElementCapability[] = [
  { type: 'bpmn:StartEvent', kind: 'startEvent', eventDefinitions: ['none', TIMER, MESSAGE, SIGNAL, ERROR, ESCALATION] },
  { type: 'bpmn:EndEvent', kind: 'endEvent', eventDefinitions: ['none', 'bpmn:TerminateEventDefinition', ERROR, MESSAGE, SIGNAL, COMPENSATE, ESCALATION] },
  { type: 'bpmn:IntermediateCatchEvent', kind: 'intermediateCatchEvent', eventDefinitions: [TIMER, MESSAGE, SIGNAL] },
  { type: 'bpmn:IntermediateThrowEvent', kind: 'intermediateThrowEvent', eventDefinitions: ['none', MESSAGE, SIGNAL, COMPENSATE, ESCALATION] },
  { type: 'bpmn:BoundaryEvent', kind: 'boundaryEvent', eventDefinitions: [ERROR, TIMER, MESSAGE, SIGNAL, COMPENSATE, ESCALATION] },
  { type: 'bpmn:ExclusiveGateway', kind: 'exclusiveGateway', eventDefinitions: [] },
  { type: 'bpmn:ParallelGateway', kind: 'parallelGateway', eventDefinitions: [] },
  { type: 'bpmn:InclusiveGateway', kind: 'inclusiveGateway', eventDefinitions: [] },
  { type: 'bpmn:EventBasedGateway', kind: 'eventBasedGateway', eventDefinitions: [] },
  { type: 'bpmn:UserTask', kind: 'userTask', eventDefinitions: [] },
  { type: 'bpmn:ServiceTask', kind: 'serviceTask', eventDefinitions: [] },
  { type: 'bpmn:SendTask', kind: 'sendTask', eventDefinitions: [] },
  { type: 'bpmn:ScriptTask', kind: 'scriptTask', eventDefinitions: [] },
  { type: 'bpmn:ReceiveTask', kind: 'receiveTask', eventDefinitions: [] },
  { type: 'bpmn:ManualTask', kind: 'manualTask', eventDefinitions: [] },
  { type: 'bpmn:Task', kind: 'task', eventDefinitions: [] },
  { type: 'bpmn:SubProcess', kind: 'subProcess', eventDefinitions: [], eventSubProcess: true },
  { type: 'bpmn:CallActivity', kind: 'callActivity', eventDefinitions: [] },
  // Parallel and sequential multi-instance on any activity above (zeebe:loopCharacteristics); standard loops are not executed.
  { type: 'bpmn:MultiInstanceLoopCharacteristics', kind: null, eventDefinitions: [] },
];

/** Moddle types that are part of a diagram but carry no token. */
export const ignoredTypes: readonly string[] = [
  'bpmn:SequenceFlow',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
];

const byType = new Map(capabilities.map((capability) => [capability.type, capability]));

/** The capability for a moddle type, if the engine executes it. */
export function capabilityOf(type: string): ElementCapability | undefined {
  return byType.get(type);
}

/** Whether an element of this type with this event definition (or none) runs. */
export function isExecutable(type: string, eventDefinition: string | null = null): boolean {
  const capability = byType.get(type);
  if (!capability) return false;
  if (capability.eventDefinitions.length === 0) return eventDefinition === null;
  return capability.eventDefinitions.includes(eventDefinition ?? 'none');
}

/**
 * Camunda 8 extensions the engine does not run. A diagram that carries one is
 * refused at the element rather than deployed to silently ignore it, and the
 * designer's properties panel does not offer them.
 */
export const unsupportedExtensions: readonly { readonly type: string; readonly label: string; readonly panelGroup: string }[] = [
  { type: 'zeebe:ExecutionListeners', label: 'execution listeners', panelGroup: 'Zeebe__ExecutionListeners' },
  { type: 'zeebe:TaskListeners', label: 'task listeners', panelGroup: 'Zeebe__TaskListeners' },
];
