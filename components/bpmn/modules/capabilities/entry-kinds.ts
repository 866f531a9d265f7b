import {
  BOUNDARY_EVENT,
  END_EVENT,
  EVENT_SUB_PROCESS,
  EVENT_SUB_PROCESS_START_EVENT,
  GATEWAY,
  INTERMEDIATE_EVENT,
  PARTICIPANT,
  SEQUENCE_FLOW,
  START_EVENT,
  START_EVENT_SUB_PROCESS,
  SUBPROCESS_EXPANDED,
  TASK,
  DATA_OBJECT_REFERENCE,
  DATA_STORE_REFERENCE,
  AD_HOC_SUBPROCESS_EXPANDED,
} from 'bpmn-js/lib/features/replace/ReplaceOptions';
import type { ElementKind } from './element-kind';

/** The element each palette entry of bpmn-js creates. */
export const PALETTE_KINDS: Record<string, ElementKind> = {
  'create.start-event': { type: 'bpmn:StartEvent' },
  'create.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'create.end-event': { type: 'bpmn:EndEvent' },
  'create.exclusive-gateway': { type: 'bpmn:ExclusiveGateway' },
  'create.task': { type: 'bpmn:Task' },
  'create.data-object': { type: 'bpmn:DataObjectReference' },
  'create.data-store': { type: 'bpmn:DataStoreReference' },
  'create.subprocess-expanded': { type: 'bpmn:SubProcess', isExpanded: true },
  'create.participant-expanded': { type: 'bpmn:Participant' },
  'create.group': { type: 'bpmn:Group' },
};

/** The element each context pad "append" entry of bpmn-js creates. */
export const APPEND_KINDS: Record<string, ElementKind> = {
  'append.end-event': { type: 'bpmn:EndEvent' },
  'append.gateway': { type: 'bpmn:ExclusiveGateway' },
  'append.append-task': { type: 'bpmn:Task' },
  'append.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'append.receive-task': { type: 'bpmn:ReceiveTask' },
  'append.message-intermediate-event': {
    type: 'bpmn:IntermediateCatchEvent',
    eventDefinitionType: 'bpmn:MessageEventDefinition',
  },
  'append.timer-intermediate-event': {
    type: 'bpmn:IntermediateCatchEvent',
    eventDefinitionType: 'bpmn:TimerEventDefinition',
  },
  'append.condition-intermediate-event': {
    type: 'bpmn:IntermediateCatchEvent',
    eventDefinitionType: 'bpmn:ConditionalEventDefinition',
  },
  'append.signal-intermediate-event': {
    type: 'bpmn:IntermediateCatchEvent',
    eventDefinitionType: 'bpmn:SignalEventDefinition',
  },
  'append.compensation-activity': { type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:CompensateEventDefinition' },
  'append.text-annotation': { type: 'bpmn:TextAnnotation' },
};

/** The loop markers the replace menu's header toggles. */
export const HEADER_KINDS: Record<string, ElementKind> = {
  'toggle-parallel-mi': { type: 'bpmn:MultiInstanceLoopCharacteristics' },
  'toggle-sequential-mi': { type: 'bpmn:MultiInstanceLoopCharacteristics' },
  'toggle-loop': { type: 'bpmn:StandardLoopCharacteristics' },
};

interface ReplaceOption {
  actionName: string;
  target?: ElementKind;
}

/** The element each replace menu entry turns its target into, by action name. */
export const REPLACE_KINDS: Record<string, ElementKind> = Object.fromEntries(
  (
    [
      START_EVENT,
      START_EVENT_SUB_PROCESS,
      INTERMEDIATE_EVENT,
      END_EVENT,
      GATEWAY,
      SUBPROCESS_EXPANDED,
      AD_HOC_SUBPROCESS_EXPANDED,
      EVENT_SUB_PROCESS,
      TASK,
      DATA_OBJECT_REFERENCE,
      DATA_STORE_REFERENCE,
      BOUNDARY_EVENT,
      EVENT_SUB_PROCESS_START_EVENT,
      PARTICIPANT,
    ] as unknown as ReplaceOption[][]
  )
    .flat()
    .filter((option): option is ReplaceOption & { target: ElementKind } => option.target !== undefined)
    .map((option) => [option.actionName, option.target]),
);

/** Sequence flow variants (default, conditional) are properties of a flow, not new elements. */
export const FLOW_ACTIONS = new Set((SEQUENCE_FLOW as unknown as ReplaceOption[]).map((option) => option.actionName));
