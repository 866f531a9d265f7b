/**
 * Moddle process → ProcessGraph. Collects what cannot be built (unsupported
 * elements, unparsable FEEL, missing references) as problems instead of
 * stopping at the first one; the validation rules then look at the whole graph.
 */
import type { Problem } from '../api';
import { capabilityOf, ignoredTypes, unsupportedExtensions } from '../capabilities';
import { compileExpression, compileFeel, evaluateExpression, type Expression, type FeelExpression, type VariableLookup } from '../expressions';
import { readEventDefinition, readMessageRef, readMultiInstance } from './events';
import type {
  BatonApproval,
  ElementNode,
  EventDefinition,
  ElementKind,
  IoMapping,
  MessageStartEvent,
  ProcessGraph,
  SignalStartEvent,
  SequenceFlow,
  StartEventInfo,
  TimerStartEvent,
  ZeebeProperties,
} from './graph';
import { bool, extension, list, ref, str, type ModdleElement } from './moddle';

/** A graph plus what the build could not represent; validation reads both. */
export interface Draft {
  graph: ProcessGraph;
  problems: Problem[];
  /** Elements Baton does not execute, by id → a description of their kind. */
  unsupported: Map<string, string>;
  /** Flows whose source or target is missing. */
  danglingFlows: string[];
}

const ARTIFACT_TYPES = new Set(ignoredTypes);

const EVENT_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['startEvent', 'endEvent', 'boundaryEvent', 'intermediateCatchEvent', 'intermediateThrowEvent']);

const NO_VARIABLES: VariableLookup = { get: () => undefined, toObject: () => ({}) };

const EMPTY_ZEEBE: ZeebeProperties = {
  taskDefinition: null,
  taskHeaders: {},
  inputs: [],
  outputs: [],
  userTask: false,
  assignment: null,
  form: null,
  schedule: null,
  calledElement: null,
  script: null,
  properties: {},
};

export function buildProcess(process: ModdleElement): Draft {
  const problems: Problem[] = [];
  const unsupported = new Map<string, string>();
  const danglingFlows: string[] = [];
  const elements = new Map<string, Mutable<ElementNode>>();
  const flows = new Map<string, SequenceFlow>();
  const boundaryEvents = new Map<string, string[]>();
  const processId = process.id ?? '';

  const expression = (elementId: string, what: string, source: string | null): Expression | null => {
    if (source === null) return null;
    const compiled = compileExpression(source);
    if (compiled.ok) return compiled.expression;
    problems.push({ elementId, message: `${what}: ${compiled.message}` });
    return null;
  };

  const zeebeOf = (element: ModdleElement): ZeebeProperties => {
    const id = element.id ?? '';
    const taskDefinition = extension(element, 'zeebe:TaskDefinition');
    const headers = extension(element, 'zeebe:TaskHeaders');
    const io = extension(element, 'zeebe:IoMapping');
    const assignment = extension(element, 'zeebe:AssignmentDefinition');
    const form = extension(element, 'zeebe:FormDefinition');
    const schedule = extension(element, 'zeebe:TaskSchedule');
    const called = extension(element, 'zeebe:CalledElement');
    const script = extension(element, 'zeebe:Script');
    const properties = extension(element, 'zeebe:Properties');
    const mappings = (parameters: ModdleElement[], direction: 'input' | 'output'): IoMapping[] =>
      parameters.flatMap((parameter) => {
        const target = str(parameter, 'target') ?? '';
        if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(target)) {
          problems.push({ elementId: id, message: `Expected the ${direction} mapping target to be a variable name, but it is '${target}'` });
          return [];
        }
        const source = expression(id, `${direction} mapping '${target}'`, str(parameter, 'source') ?? '');
        return source ? [{ source, target }] : [];
      });
    const typeSource = str(taskDefinition, 'type');
    const type = taskDefinition ? expression(id, 'zeebe:taskDefinition type', typeSource) : null;
    const retries = taskDefinition ? expression(id, 'zeebe:taskDefinition retries', str(taskDefinition, 'retries') ?? '3') : null;
    if (retries?.kind === 'literal' && !/^\d+$/.test(retries.value.trim())) {
      problems.push({ elementId: id, message: `Expected zeebe:taskDefinition retries to be a whole number, but it is '${retries.value}'` });
    }
    const processIdSource = str(called, 'processId');
    const calledProcessId = called && processIdSource ? expression(id, 'zeebe:calledElement processId', processIdSource) : null;
    const scriptSource = str(script, 'expression');
    const scriptExpression = script && scriptSource ? expression(id, 'zeebe:script expression', scriptSource) : null;
    if (!taskDefinition && !headers && !io && !assignment && !form && !schedule && !called && !script && !properties && !extension(element, 'zeebe:UserTask')) {
      return EMPTY_ZEEBE;
    }
    return {
      taskDefinition: type && retries ? { type, retries } : null,
      taskHeaders: Object.fromEntries(list(headers, 'values').map((h) => [str(h, 'key') ?? '', str(h, 'value') ?? ''])),
      inputs: mappings(list(io, 'inputParameters'), 'input'),
      outputs: mappings(list(io, 'outputParameters'), 'output'),
      userTask: extension(element, 'zeebe:UserTask') !== undefined,
      assignment: assignment
        ? {
            assignee: expression(id, 'assignee', str(assignment, 'assignee')),
            candidateUsers: expression(id, 'candidateUsers', str(assignment, 'candidateUsers')),
            candidateGroups: expression(id, 'candidateGroups', str(assignment, 'candidateGroups')),
          }
        : null,
      form: form ? { formId: str(form, 'formId'), formKey: str(form, 'formKey'), externalReference: str(form, 'externalReference') } : null,
      schedule: schedule
        ? { dueDate: expression(id, 'dueDate', str(schedule, 'dueDate')), followUpDate: expression(id, 'followUpDate', str(schedule, 'followUpDate')) }
        : null,
      calledElement:
        called && calledProcessId
          ? {
              processId: calledProcessId,
              propagateAllChildVariables: bool(called, 'propagateAllChildVariables') ?? true,
              propagateAllParentVariables: bool(called, 'propagateAllParentVariables') ?? true,
            }
          : null,
      script: script && scriptExpression ? { expression: scriptExpression, resultVariable: str(script, 'resultVariable') } : null,
      properties: Object.fromEntries(list(properties, 'properties').map((p) => [str(p, 'name') ?? '', str(p, 'value') ?? ''])),
    };
  };

  const approvalOf = (element: ModdleElement): BatonApproval | null => {
    const approval = extension(element, 'baton:Approval');
    if (!approval) return null;
    const id = element.id ?? '';
    const policy = str(approval, 'policy') ?? 'chain';
    if (policy !== 'chain' && policy !== 'first-qualified') {
      problems.push({ elementId: id, message: `Expected the approval policy to be 'chain' or 'first-qualified', but it is '${policy}'` });
    }
    return {
      amount: expression(id, 'approval amount', str(approval, 'amount')),
      currency: str(approval, 'currency'),
      requester: expression(id, 'approval requester', str(approval, 'requester')),
      policy: policy === 'first-qualified' ? 'first-qualified' : 'chain',
      fallbackApprover: str(approval, 'fallbackApprover'),
      selfAuthority: bool(approval, 'selfAuthority') ?? false,
      reminder: str(approval, 'reminder'),
      escalation: str(approval, 'escalation'),
      expiry: str(approval, 'expiry'),
    };
  };

  const report = (elementId: string, message: string): void => {
    problems.push({ elementId, message });
  };

  const pendingFlows: ModdleElement[] = [];
  const childrenOf = new Map<string, string[]>();

  const associations: ModdleElement[] = [];

  const visitScope = (scope: ModdleElement, scopeId: string): void => {
    for (const artifact of list(scope, 'artifacts')) if (artifact.$type === 'bpmn:Association') associations.push(artifact);
    const children: string[] = [];
    childrenOf.set(scopeId, children);
    for (const element of list(scope, 'flowElements')) {
      const id = element.id ?? '';
      if (element.$type === 'bpmn:SequenceFlow') {
        pendingFlows.push(element);
        continue;
      }
      if (ARTIFACT_TYPES.has(element.$type)) continue;
      if (element.$type === 'bpmn:BoundaryEvent') {
        const attachedTo = ref(element, 'attachedToRef')?.id;
        if (attachedTo) boundaryEvents.set(attachedTo, [...(boundaryEvents.get(attachedTo) ?? []), id]);
      }
      const kind = capabilityOf(element.$type)?.kind ?? null;
      if (!kind) {
        const definition = list(element, 'eventDefinitions')[0];
        unsupported.set(id, definition ? `${element.$type} with ${definition.$type}` : element.$type);
        children.push(id);
        continue;
      }
      for (const unsupportedExtension of unsupportedExtensions) {
        if (extension(element, unsupportedExtension.type)) {
          report(id, `Unsupported extension: ${unsupportedExtension.label} are not run by Baton; remove them`);
        }
      }
      const multiInstance = readMultiInstance(element, expression, report);
      if (typeof multiInstance === 'string') unsupported.set(id, multiInstance);
      const isEvent = EVENT_KINDS.has(kind);
      let eventDefinition: EventDefinition | null | string = isEvent ? readEventDefinition(element, expression, report) : null;
      if (kind === 'receiveTask') eventDefinition = { type: 'message', message: readMessageRef(element, ref(element, 'messageRef'), expression, report) };
      if (typeof eventDefinition === 'string') unsupported.set(id, eventDefinition);
      const interrupting =
        kind === 'boundaryEvent' ? (bool(element, 'cancelActivity') ?? true) : kind === 'startEvent' ? (bool(element, 'isInterrupting') ?? true) : true;
      const node: Mutable<ElementNode> = {
        id,
        kind,
        type: element.$type,
        name: str(element, 'name'),
        scopeId,
        incoming: [],
        outgoing: [],
        defaultFlowId: ref(element, 'default')?.id ?? null,
        join: 'none',
        eventDefinition: typeof eventDefinition === 'string' ? null : eventDefinition,
        children: [],
        startEventId: null,
        attachedToId: null,
        interrupting,
        multiInstance: typeof multiInstance === 'string' ? null : multiInstance,
        triggeredByEvent: kind === 'subProcess' && (bool(element, 'triggeredByEvent') ?? false),
        eventSubProcessStarts: [],
        zeebe: zeebeOf(element),
        approval: kind === 'userTask' ? approvalOf(element) : null,
      };
      elements.set(id, node);
      children.push(id);
      if (kind === 'subProcess') visitScope(element, id);
    }
  };

  const processNode: Mutable<ElementNode> = {
    id: processId,
    kind: 'process',
    type: 'bpmn:Process',
    name: str(process, 'name'),
    scopeId: null,
    incoming: [],
    outgoing: [],
    defaultFlowId: null,
    join: 'none',
    eventDefinition: null,
    children: [],
    startEventId: null,
    attachedToId: null,
    interrupting: true,
    multiInstance: null,
    triggeredByEvent: false,
    eventSubProcessStarts: [],
    zeebe: EMPTY_ZEEBE,
    approval: null,
  };
  elements.set(processId, processNode);
  visitScope(process, processId);
  for (const [attachedTo, ids] of boundaryEvents) {
    for (const id of ids) {
      const node = elements.get(id);
      if (node) node.attachedToId = attachedTo;
    }
  }

  for (const element of pendingFlows) {
    const id = element.id ?? '';
    const sourceId = ref(element, 'sourceRef')?.id ?? null;
    const targetId = ref(element, 'targetRef')?.id ?? null;
    const source = sourceId ? elements.get(sourceId) : undefined;
    const target = targetId ? elements.get(targetId) : undefined;
    const known = (nodeId: string | null) => nodeId !== null && (elements.has(nodeId) || unsupported.has(nodeId));
    if (!known(sourceId) || !known(targetId)) {
      danglingFlows.push(id);
      continue;
    }
    const conditionSource = str(ref(element, 'conditionExpression') ?? undefined, 'body');
    let condition: FeelExpression | null = null;
    if (conditionSource !== null && conditionSource.trim() !== '') {
      const compiled = compileFeel(conditionSource);
      if (compiled.ok && compiled.expression.kind === 'feel') condition = compiled.expression;
      else if (!compiled.ok) problems.push({ elementId: id, message: `Condition: ${compiled.message}` });
    }
    const flow: SequenceFlow = {
      id,
      name: str(element, 'name'),
      sourceId: sourceId ?? '',
      targetId: targetId ?? '',
      condition,
      isDefault: source?.defaultFlowId === id,
    };
    flows.set(id, flow);
    if (source) (source.outgoing as string[]).push(id);
    if (target) (target.incoming as string[]).push(id);
  }

  for (const [scopeId, children] of childrenOf) {
    const scope = elements.get(scopeId);
    if (!scope) continue;
    scope.children = children;
    // An event sub-process starts at its one event start; any other scope at its none start event.
    scope.startEventId =
      children.find((id) => {
        const child = elements.get(id);
        return child?.kind === 'startEvent' && (scope.triggeredByEvent || child.eventDefinition === null) && !unsupported.has(id);
      }) ?? null;
  }
  for (const [scopeId, children] of childrenOf) {
    const scope = elements.get(scopeId);
    if (!scope) continue;
    scope.eventSubProcessStarts = children.flatMap((id) => {
      const child = elements.get(id);
      return child?.triggeredByEvent && child.startEventId !== null ? [child.startEventId] : [];
    });
  }
  for (const node of elements.values()) {
    if (node.incoming.length > 1 && node.kind === 'parallelGateway') node.join = 'parallel';
    if (node.incoming.length > 1 && node.kind === 'inclusiveGateway') node.join = 'inclusive';
  }

  const forms = new Map<string, string>();
  for (const form of list(ref(process, 'extensionElements') ?? undefined, 'values')) {
    if (form.$type === 'zeebe:UserTaskForm') forms.set(str(form, 'id') ?? '', str(form, 'body') ?? '');
  }

  const startEvents: StartEventInfo[] = processNode.children.flatMap((id) => {
    const node = elements.get(id);
    if (node?.kind !== 'startEvent') return [];
    return [{ id, name: node.name, formId: node.zeebe.form?.formId ?? null, formKey: node.zeebe.form?.formKey ?? null }];
  });

  // A compensation boundary event is linked to its handler by an association, not a flow.
  const compensationHandlers = new Map<string, string>();
  for (const association of associations) {
    const source = elements.get(ref(association, 'sourceRef')?.id ?? '');
    const targetId = ref(association, 'targetRef')?.id ?? '';
    if (source?.kind === 'boundaryEvent' && source.eventDefinition?.type === 'compensate' && source.attachedToId !== null && elements.has(targetId)) {
      compensationHandlers.set(source.attachedToId, targetId);
    }
  }

  const timerStartEvents: TimerStartEvent[] = [];
  const messageStartEvents: MessageStartEvent[] = [];
  const signalStartEvents: SignalStartEvent[] = [];
  /** Start event names are static: no instance exists yet to evaluate them in. */
  const staticName = (id: string, what: string, name: Expression): string | null => {
    if (name.kind === 'literal') return name.value;
    const evaluated = evaluateExpression(name, NO_VARIABLES);
    if (evaluated.ok && typeof evaluated.value === 'string' && evaluated.value !== '') return evaluated.value;
    report(id, `Expected the ${what} name of a start event to be a static text, but '${name.source}' needs variables`);
    return null;
  };
  for (const id of processNode.children) {
    const definition = elements.get(id)?.kind === 'startEvent' ? elements.get(id)?.eventDefinition : null;
    if (definition?.type === 'timer') timerStartEvents.push({ id, timer: definition.timer });
    if (definition?.type === 'message') {
      const messageName = staticName(id, 'message', definition.message.name);
      if (messageName !== null) messageStartEvents.push({ id, messageName });
    }
    if (definition?.type === 'signal') {
      const signalName = staticName(id, 'signal', definition.name);
      if (signalName !== null) signalStartEvents.push({ id, signalName });
    }
  }

  const graph: ProcessGraph = {
    processId,
    name: str(process, 'name'),
    isExecutable: bool(process, 'isExecutable') ?? false,
    process: processNode,
    elements,
    flows,
    startEvents,
    timerStartEvents,
    messageStartEvents,
    signalStartEvents,
    compensationHandlers,
    boundaryEvents,
    inclusiveUpstream: inclusiveUpstream(elements, flows),
    forms,
  };
  return { graph, problems, unsupported, danglingFlows };
}

/** For every inclusive join and incoming flow, the nodes from which a token can still reach that flow. */
function inclusiveUpstream(
  elements: ReadonlyMap<string, ElementNode>,
  flows: ReadonlyMap<string, SequenceFlow>,
): Map<string, Map<string, Set<string>>> {
  const result = new Map<string, Map<string, Set<string>>>();
  for (const node of elements.values()) {
    if (node.join !== 'inclusive') continue;
    const byFlow = new Map<string, Set<string>>();
    for (const flowId of node.incoming) {
      const seen = new Set<string>();
      const flow = flows.get(flowId);
      const queue = flow && flow.sourceId !== node.id ? [flow.sourceId] : [];
      while (queue.length > 0) {
        const id = queue.pop() as string;
        if (seen.has(id) || id === node.id) continue;
        seen.add(id);
        const current = elements.get(id);
        if (!current) continue;
        for (const inId of current.incoming) {
          const source = flows.get(inId)?.sourceId;
          if (source) queue.push(source);
        }
        if (current.attachedToId) queue.push(current.attachedToId);
      }
      byFlow.set(flowId, seen);
    }
    result.set(node.id, byFlow);
  }
  return result;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
