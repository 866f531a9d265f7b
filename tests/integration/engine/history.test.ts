import { expect, it } from 'vitest';
import { createLogHandler, createWorker } from '@/engine/worker';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('history', (given) => {
  it('records every step of a run in order, with element types', async () => {
    const { engine, store, clock } = given();
    await engine.deploy(fixture('log-and-finish.bpmn'));
    const lines: string[] = [];
    const worker = createWorker({
      engine,
      store,
      clock,
      workerId: 'w',
      handlers: { log: createLogHandler((line) => lines.push(line)) },
    });

    const started = await engine.start('log-and-finish', {
      variables: { name: 'Ada' },
      startedBy: 'ann',
    });
    await worker.runOnce();

    expect(lines).toEqual(['[say] hello Ada']);
    const history = await engine.history(started.id);
    const steps = history.map((event) => [event.type, event.elementId ?? null]);
    expect(steps[0]).toEqual(['InstanceStarted', expect.anything()]);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['ElementActivated', 'start'],
        ['FlowTaken', 'f1'],
        ['ElementActivated', 'say'],
        ['JobCreated', 'say'],
        ['JobCompleted', 'say'],
        ['ElementCompleted', 'say'],
        ['ElementActivated', 'end'],
      ]),
    );
    expect(steps.at(-1)).toEqual(['InstanceCompleted', expect.anything()]);
    expect(history.find((event) => event.elementId === 'say')?.elementType).toBe(
      'bpmn:ServiceTask',
    );
    expect(
      history.every((event) => event.instanceId === started.id && event.at instanceof Date),
    ).toBe(true);
    const order = (type: string, elementId: string) =>
      steps.findIndex(([t, e]) => t === type && e === elementId);
    expect(order('ElementActivated', 'say')).toBeLessThan(order('ElementCompleted', 'say'));
  });
});
