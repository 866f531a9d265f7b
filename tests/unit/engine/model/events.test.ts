import { describe, expect, it } from 'vitest';
import { capabilities } from '@/engine/capabilities';
import { compile } from '@/engine/model';
import { fixture, textLike } from '../support/given';

describe('compiling events', () => {
  it('rejects the events Baton does not execute by name, and the designer does not offer them', async () => {
    const result = await compile(fixture('unsupported-events-rejected'));
    expect(result).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        {
          elementId: 'whenReady',
          message:
            'Unsupported element: bpmn:IntermediateCatchEvent with bpmn:ConditionalEventDefinition is not executed by Baton',
        },
        {
          elementId: 'jump',
          message:
            'Unsupported element: bpmn:IntermediateThrowEvent with bpmn:LinkEventDefinition is not executed by Baton',
        },
        {
          elementId: 'compensationStart',
          message:
            'Unsupported element: bpmn:StartEvent with bpmn:CompensateEventDefinition is not executed by Baton',
        },
      ]) as unknown,
    });
    const offered = capabilities.flatMap((capability) => capability.eventDefinitions);
    for (const definition of [
      'bpmn:ConditionalEventDefinition',
      'bpmn:LinkEventDefinition',
      'bpmn:CancelEventDefinition',
    ]) {
      expect(offered).not.toContain(definition);
    }
  });

  it('reports every misuse of events at once', async () => {
    const result = await compile(fixture('events-invalid'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => `${problem.elementId}: ${problem.message}`)).toEqual(
      expect.arrayContaining([
        textLike(/^gw: Expected an event-based gateway to have at least two outgoing flows/),
        textLike(
          /^gw: Expected the event-based gateway to lead to timer or message catch events or receive tasks, but 'task'/,
        ),
        textLike(
          /^lonelyCompensation: Expected the compensation boundary event to be associated with a compensation handler/,
        ),
        textLike(/^softError: Expected an error boundary event to interrupt its activity/),
        textLike(/^errorStartOutside: Expected an error start event in an event sub-process/),
        textLike(/^loop: Unsupported element: bpmn:Task with bpmn:StandardLoopCharacteristics/),
      ]),
    );
  });

  it('exposes timer and message start events on the graph for the runner', async () => {
    const timer = await compile(fixture('timer-start-event'));
    expect(timer.ok && timer.graph.timerStartEvents).toEqual([
      {
        id: 'everyMorning',
        timer: {
          kind: 'cycle',
          expression: expect.objectContaining({
            kind: 'literal',
            value: 'R2/2025-01-06T10:00:00Z/P1D',
          }) as unknown,
        },
      },
    ]);
    const message = await compile(fixture('message-start-and-throw'));
    expect(message.ok && message.graph.messageStartEvents).toEqual([
      { id: 'orderPlaced', messageName: 'order placed' },
    ]);
  });
});
