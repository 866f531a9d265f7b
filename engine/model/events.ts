/**
 * Reads event definitions (terminate, error, timer, message) and multi-instance
 * loop characteristics from moddle elements into their graph form. Expressions
 * are compiled here, once; whatever cannot be read becomes a problem.
 */
import { isExecutable } from '../capabilities';
import {
  compileFeel,
  parseCycle,
  parseDateTime,
  parseDuration,
  type Expression,
  type FeelExpression,
} from '../expressions';
import type { EventDefinition, MessageDefinition, MultiInstance, TimerDefinition } from './graph';
import { bool, extension, list, ref, str, type ModdleElement } from './moddle';

/** Compiles an attribute as an expression, or reports a problem and returns null. */
export type CompileAttribute = (
  elementId: string,
  what: string,
  source: string | null,
) => Expression | null;
export type Report = (elementId: string, message: string) => void;

/** The event definition of an event, null for none, or a description of why Baton does not execute it. */
export function readEventDefinition(
  element: ModdleElement,
  compile: CompileAttribute,
  report: Report,
): EventDefinition | null | string {
  const definitions = list(element, 'eventDefinitions');
  if (definitions.length === 0)
    return isExecutable(element.$type, null)
      ? null
      : `${element.$type} without an event definition`;
  const [definition] = definitions;
  if (definitions.length > 1 || !definition)
    return `${element.$type} with several event definitions`;
  if (!isExecutable(element.$type, definition.$type))
    return `${element.$type} with ${definition.$type}`;
  const id = element.id ?? '';
  switch (definition.$type) {
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:ErrorEventDefinition': {
      const error = ref(definition, 'errorRef');
      return {
        type: 'error',
        errorCode: str(error ?? undefined, 'errorCode'),
        errorName: str(error ?? undefined, 'name'),
      };
    }
    case 'bpmn:TimerEventDefinition': {
      const timer = readTimer(id, definition, compile, report);
      return timer
        ? { type: 'timer', timer }
        : {
            type: 'timer',
            timer: { kind: 'duration', expression: { kind: 'literal', source: '', value: '' } },
          };
    }
    case 'bpmn:MessageEventDefinition':
      return { type: 'message', message: readMessage(element, definition, compile, report) };
    case 'bpmn:SignalEventDefinition': {
      const nameSource = str(ref(definition, 'signalRef') ?? undefined, 'name');
      const name = nameSource && nameSource.trim() !== '' ? compile(id, 'signal name', nameSource) : null;
      if (!name) report(id, 'Expected a signal with a name, but the element refers to none');
      return { type: 'signal', name: name ?? { kind: 'literal', source: '', value: '' } };
    }
    case 'bpmn:EscalationEventDefinition':
      return { type: 'escalation', escalationCode: str(ref(definition, 'escalationRef') ?? undefined, 'escalationCode') };
    case 'bpmn:CompensateEventDefinition':
      return { type: 'compensate', activityRef: ref(definition, 'activityRef')?.id ?? null };
    default:
      return `${element.$type} with ${definition.$type}`;
  }
}

function readTimer(
  id: string,
  definition: ModdleElement,
  compile: CompileAttribute,
  report: Report,
): TimerDefinition | null {
  const kinds = [
    ['date', 'timeDate'],
    ['duration', 'timeDuration'],
    ['cycle', 'timeCycle'],
  ] as const;
  const present = kinds.filter(
    ([, property]) => (str(ref(definition, property) ?? undefined, 'body') ?? '').trim() !== '',
  );
  const [chosen] = present;
  if (!chosen || present.length > 1) {
    report(
      id,
      `Expected the timer to have exactly one of time date, time duration or time cycle, but it has ${present.length === 0 ? 'none' : present.map(([, property]) => property).join(' and ')}`,
    );
    return null;
  }
  const [kind, property] = chosen;
  const source = (str(ref(definition, property) ?? undefined, 'body') ?? '').trim();
  const expression = compile(id, `timer ${property}`, source);
  if (!expression) return null;
  if (expression.kind === 'literal') {
    const problem = checkTimerText(kind, expression.value);
    if (problem) report(id, problem);
  }
  return { kind, expression };
}

/** Why a timer text is not valid ISO 8601 for its kind, or null when it is. */
export function checkTimerText(kind: TimerDefinition['kind'], text: string): string | null {
  const valid =
    kind === 'date'
      ? parseDateTime(text) !== null
      : kind === 'duration'
        ? parseDuration(text) !== null
        : parseCycle(text) !== null;
  if (valid) return null;
  const expected =
    kind === 'date'
      ? 'an ISO 8601 date-time with an offset (e.g. 2025-03-01T09:00:00Z)'
      : kind === 'duration'
        ? 'an ISO 8601 duration (e.g. PT15M, P3D)'
        : 'an ISO 8601 repeating interval (e.g. R3/PT1H, R/P1D)';
  return `Expected the timer ${kind} to be ${expected}, but it is '${text}'`;
}

function readMessage(
  element: ModdleElement,
  definition: ModdleElement,
  compile: CompileAttribute,
  report: Report,
): MessageDefinition {
  return readMessageRef(element, ref(definition, 'messageRef'), compile, report);
}

/** A message reference (of a message event definition or a receive task). */
export function readMessageRef(
  element: ModdleElement,
  message: ModdleElement | null,
  compile: CompileAttribute,
  report: Report,
): MessageDefinition {
  const id = element.id ?? '';
  const nameSource = str(message ?? undefined, 'name');
  const name =
    nameSource && nameSource.trim() !== '' ? compile(id, 'message name', nameSource) : null;
  if (!name) report(id, 'Expected a message with a name, but the element refers to none');
  const subscription = message ? extension(message, 'zeebe:Subscription') : undefined;
  const keySource = str(subscription, 'correlationKey');
  const correlationKey =
    keySource && keySource.trim() !== '' ? compile(id, 'correlation key', keySource) : null;
  return { name: name ?? { kind: 'literal', source: '', value: '' }, correlationKey };
}

/** zeebe:loopCharacteristics of a multi-instance activity; null when the element has none. */
export function readMultiInstance(
  element: ModdleElement,
  compile: CompileAttribute,
  report: Report,
): MultiInstance | null | string {
  const loop = ref(element, 'loopCharacteristics');
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics')
    return `${element.$type} with ${loop.$type}`;
  const id = element.id ?? '';
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const collectionSource = str(zeebe, 'inputCollection');
  const inputCollection = collectionSource
    ? compile(id, 'multi-instance input collection', collectionSource)
    : null;
  if (!collectionSource)
    report(
      id,
      'Expected a multi-instance activity to have an input collection (zeebe:loopCharacteristics inputCollection), but it has none',
    );
  const outputCollection = str(zeebe, 'outputCollection');
  const outputElementSource = str(zeebe, 'outputElement');
  const outputElement = outputElementSource
    ? compile(id, 'multi-instance output element', outputElementSource)
    : null;
  if (outputCollection && !outputElementSource)
    report(id, 'Expected an output element with the output collection, but there is none');
  const conditionSource = str(ref(loop, 'completionCondition') ?? undefined, 'body');
  let completionCondition: FeelExpression | null = null;
  if (conditionSource && conditionSource.trim() !== '') {
    const compiled = compileFeel(conditionSource);
    if (compiled.ok && compiled.expression.kind === 'feel')
      completionCondition = compiled.expression;
    else if (!compiled.ok) report(id, `Completion condition: ${compiled.message}`);
  }
  return {
    sequential: bool(loop, 'isSequential') ?? false,
    inputCollection: inputCollection ?? { kind: 'literal', source: '', value: '' },
    inputElement: str(zeebe, 'inputElement'),
    outputCollection,
    outputElement,
    completionCondition,
  };
}
