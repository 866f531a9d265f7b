import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, fixture, openTask, trail } from '../support/given';

const DAY = 24 * 3600_000;

describe('event sub-processes', () => {
  it('given a non-interrupting message start, each status request runs beside the main flow, which carries on', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('event-sub-processes'));
    const instance = await engine.start('orderHandling', { variables: { orderId: 'o-1' } });
    await engine.correlateMessage('status request', 'o-1', { askedBy: 'customer' });
    await engine.correlateMessage('status request', 'o-1');
    const during = await engine.getInstance(instance.id);
    expect(during?.activeElementIds.sort()).toEqual([
      'charge',
      'reportStatus',
      'reportStatus',
      'statusRequested',
      'statusRequested',
    ]);

    for (const job of await engine.listJobs({
      instanceId: instance.id,
      type: 'report',
      status: 'activatable',
    }))
      await engine.completeJob(job.id);
    await engine.completeJob((await activeJob(engine, instance.id, 'charge')).id);
    const done = await engine.completeTask((await openTask(engine, instance.id, 'pack')).id);
    expect(done.status).toBe('completed');
    expect(engine.timers.size).toBe(0);
    expect(engine.subscriptions.size).toBe(0);
  });

  it('given an interrupting timer start, when it falls due, the main flow ends and the event sub-process takes over', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('event-sub-processes'));
    const instance = await engine.start('orderHandling', { variables: { orderId: 'o-2' } });
    await engine.completeJob((await activeJob(engine, instance.id, 'charge')).id);
    const pack = await openTask(engine, instance.id, 'pack');

    await engine.elapse(2 * DAY);

    expect((await engine.getTask(pack.id))?.status).toBe('cancelled');
    expect(engine.subscriptions.size).toBe(0);
    const done = await engine.completeTask((await openTask(engine, instance.id, 'apologise')).id);
    expect(done.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementTerminated', 'TimerFired'])).toEqual([
      'TimerFired orderHandling',
      'ElementTerminated pack',
    ]);
  });

  it('given an error start, an error thrown in the process scope starts it and ends the rest', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('event-sub-processes'));
    const instance = await engine.start('orderHandling', { variables: { orderId: 'o-3' } });
    const after = await engine.throwError((await activeJob(engine, instance.id, 'charge')).id, {
      errorCode: 'FATAL',
      variables: { reason: 'fraud' },
    });
    expect(after.activeElementIds.sort()).toEqual(['failed', 'investigate']);
    expect(after.incidents).toEqual([]);
    expect(engine.timers.size).toBe(0);
    expect(engine.subscriptions.size).toBe(0);
    expect((await openTask(engine, instance.id, 'investigate')).variables['reason']).toBe('fraud');
  });
});
