import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask, trail } from '../support/given';

describe('escalation events', () => {
  it('given a non-interrupting escalation boundary, the customer is informed while the order goes on; an escalation nobody catches changes nothing', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('escalation-events'));
    const instance = await engine.start('keepInformed');
    expect(instance.activeElementIds.sort()).toEqual(['informCustomer', 'order', 'pack']);

    await engine.completeTask((await openTask(engine, instance.id, 'pack')).id);
    const afterPack = await engine.getInstance(instance.id);
    expect(afterPack?.activeElementIds).toEqual(['informCustomer']);
    expect(afterPack?.incidents).toEqual([]);
    const done = await engine.completeTask(
      (await openTask(engine, instance.id, 'informCustomer')).id,
    );
    expect(done.status).toBe('completed');
    expect(await trail(engine, instance.id, ['EscalationThrown', 'ElementCompleted'])).toEqual([
      'ElementCompleted start',
      'ElementCompleted orderStart',
      'EscalationThrown runningLate',
      'ElementCompleted runningLate',
      'ElementCompleted lateNoticed',
      'ElementCompleted pack',
      'EscalationThrown unknownEscalation',
      'ElementCompleted unknownEscalation',
      'ElementCompleted orderEnd',
      'ElementCompleted order',
      'ElementCompleted end',
      'ElementCompleted informCustomer',
      'ElementCompleted informed',
      'ElementCompleted keepInformed',
    ]);
  });

  it('given an interrupting catch-all escalation boundary, an escalation end event inside ends the sub-process and everything in it', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('escalation-events'));
    const instance = await engine.start('giveUp');
    expect(instance.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementTerminated', 'ElementCompleted'])).toEqual(
      expect.arrayContaining([
        'ElementTerminated work',
        'ElementTerminated attempt',
        'ElementCompleted anyEscalation',
        'ElementCompleted gaveUp',
      ]),
    );
    expect(
      (await engine.listTasks({ instanceId: instance.id })).map((task) => task.status),
    ).toEqual(['cancelled']);
  });
});
