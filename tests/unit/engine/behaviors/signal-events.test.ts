import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask, trail } from '../support/given';

describe('signal events', () => {
  it('given two orders waiting for a recall, a thrown recall signal reaches both and starts the recall notice process', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('signal-events'));
    const orders = [await engine.start('orderFlow'), await engine.start('orderFlow')];
    for (const order of orders)
      await engine.completeTask((await openTask(engine, order.id, 'ship')).id);
    expect([...engine.subscriptions.values()].map((s) => `${s.kind}:${s.messageName}`)).toEqual([
      'signal:product recall',
      'signal:product recall',
    ]);

    const announcer = await engine.start('announceRecall', { variables: { batch: 'B-42' } });

    expect(announcer.status).toBe('completed');
    for (const order of orders) {
      const after = await engine.getInstance(order.id);
      expect(after?.status).toBe('completed');
      expect(after?.variables['batch']).toBe('B-42');
      expect(await trail(engine, order.id, ['SignalReceived'])).toEqual([
        'SignalReceived awaitRecall',
      ]);
    }
    const notices = await engine.listTasks({ processId: 'recallNotice' });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.variables).toEqual({ batch: 'B-42' });
    expect(await trail(engine, announcer.id, ['SignalBroadcast'])).toEqual([
      'SignalBroadcast broadcast',
    ]);
  });

  it('given an interrupting signal boundary, broadcasting the signal ends the task; nobody waiting is no error', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('signal-events'));
    expect(await engine.broadcastSignal('nobody listens')).toEqual({
      signalName: 'nobody listens',
      reachedInstanceIds: [],
    });
    const order = await engine.start('orderFlow');
    const ship = await openTask(engine, order.id, 'ship');
    const result = await engine.broadcastSignal('store closing');
    expect(result.reachedInstanceIds).toEqual([order.id]);
    expect((await engine.getTask(ship.id))?.status).toBe('cancelled');
    expect((await engine.getInstance(order.id))?.status).toBe('completed');
    expect(engine.subscriptions.size).toBe(0);
  });
});
