import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createWorker } from '@/engine/worker';
import { describeOnEveryStore } from './support/engines';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const diagram = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/bpmn', `${name}.bpmn`), 'utf8');

describeOnEveryStore('timers', (given) => {
  it('given an approval nobody decides in time, the worker fires its timer once and the task is escalated', async () => {
    const { engine, store, clock } = given();
    await engine.deploy(diagram('timer-boundary-escalates-user-task'));
    const instance = await engine.start('approvalTimeout', {
      variables: { manager: 'maria', director: 'dora', approvalTimeout: 'P3D' },
    });
    const worker = createWorker({ engine, store, clock, workerId: 'w', handlers: {} });
    expect((await worker.runOnce()).timers).toBe(0);

    clock.advance(3 * DAY);
    expect((await worker.runOnce()).timers).toBe(1);
    expect((await worker.runOnce()).timers).toBe(0);

    const tasks = await engine.listTasks({ instanceId: instance.id });
    expect(tasks.map((task) => `${task.elementId}:${task.status}:${task.assignee ?? ''}`)).toEqual([
      'approve:cancelled:maria',
      'escalated:open:dora',
    ]);
    expect(await store.listTimers({ instanceId: instance.id })).toEqual([]);
  });

  it('given a non-interrupting hourly reminder, it fires three times in three hours and stops when the task completes', async () => {
    const { engine, store, clock } = given();
    await engine.deploy(diagram('timer-cycle-reminds-while-task-open'));
    const instance = await engine.start('reminders', { variables: { reminderCycle: 'R/PT1H' } });
    const worker = createWorker({
      engine,
      store,
      clock,
      workerId: 'w',
      handlers: { reminder: () => Promise.resolve({}) },
    });
    for (let hour = 0; hour < 3; hour++) {
      clock.advance(HOUR);
      await worker.runOnce();
    }
    const fired = (await engine.history(instance.id)).filter(
      (event) => event.type === 'TimerFired',
    );
    expect(fired).toHaveLength(3);
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    await engine.completeTask(task?.id ?? '');
    expect(await store.listTimers({ instanceId: instance.id })).toEqual([]);
    clock.advance(5 * HOUR);
    await worker.runOnce();
    expect(
      (await engine.history(instance.id)).filter((event) => event.type === 'TimerFired'),
    ).toHaveLength(3);
  });

  it('given a timer start event, the worker starts instances on schedule; a redeploy replaces the schedule', async () => {
    const { engine, store, clock } = given();
    clock.set(Date.UTC(2025, 0, 6, 9));
    await engine.deploy(diagram('timer-start-event'));
    expect(await store.listTimers()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          instanceId: null,
          elementId: 'everyMorning',
          dueAt: new Date(Date.UTC(2025, 0, 6, 10)),
        }),
      ]),
    );
    const worker = createWorker({ engine, store, clock, workerId: 'w', handlers: {} });
    clock.advance(HOUR);
    expect((await worker.runOnce()).timers).toBe(1);
    expect((await engine.listTasks({ processId: 'dailyReport' })).length).toBe(1);
    const scheduled = (await store.listTimers()).filter((timer) => timer.instanceId === null);
    expect(scheduled).toEqual([
      expect.objectContaining({ dueAt: new Date(Date.UTC(2025, 0, 7, 10)), repetitions: 0 }),
    ]);

    await engine.deploy(
      diagram('timer-start-event').replace(
        'R2/2025-01-06T10:00:00Z/P1D',
        'R/2025-02-01T08:00:00Z/P7D',
      ),
    );
    expect((await store.listTimers()).filter((timer) => timer.instanceId === null)).toEqual([
      expect.objectContaining({
        dueAt: new Date(Date.UTC(2025, 1, 1, 8)),
        repetitions: null,
        interval: 'P7D',
      }),
    ]);
  });

  it('given 1,000 due timers and two workers, each timer fires exactly once', async () => {
    const { engine, store, clock, peer } = given();
    await engine.deploy(diagram('timer-intermediate-catch'));
    const far = new Date(clock.now() + 400 * DAY).toISOString();
    const instances = [];
    for (let n = 0; n < 1000; n++)
      instances.push(await engine.start('waiting', { variables: { launchAt: far } }));
    clock.advance(2 * HOUR);
    const second = peer();
    const workers = [
      createWorker({ engine, store, clock, workerId: 'a', batchSize: 50, handlers: {} }),
      createWorker({ ...second, clock, workerId: 'b', batchSize: 50, handlers: {} }),
    ];
    let fired = 0;
    for (let round = 0; round < 100; round++) {
      const summaries = await Promise.all(workers.map((worker) => worker.runOnce()));
      const count = summaries.reduce((sum, summary) => sum + summary.timers, 0);
      fired += count;
      if (count === 0) break;
    }
    expect(fired).toBe(1000);
    const waiting = await Promise.all(instances.map((instance) => engine.getInstance(instance.id)));
    expect(waiting.every((instance) => instance?.activeElementIds.join() === 'untilLaunch')).toBe(
      true,
    );
    const firings = await Promise.all(
      instances.map(
        async (instance) =>
          (await engine.history(instance.id)).filter((event) => event.type === 'TimerFired').length,
      ),
    );
    expect(firings.every((count) => count === 1)).toBe(true);
  }, 120_000);
});

describeOnEveryStore('messages', (given) => {
  it('given a message published before the instance subscribes, it is buffered and correlated when the subscription opens', async () => {
    const { engine, store } = given();
    await engine.deploy(diagram('message-catch-and-receive-task'));
    const published = await engine.publishMessage(
      'payment received',
      'o-1',
      { paid: 10 },
      { timeToLiveMs: HOUR },
    );
    expect(published.correlatedInstanceIds).toEqual([]);
    const instance = await engine.start('orderMessages', {
      variables: { orderId: 'o-1', region: 'eu' },
    });
    expect(instance.activeElementIds).toEqual(['awaitShipment']);
    expect(instance.variables['paid']).toBe(10);
    expect(
      (await store.listSubscriptions({ instanceId: instance.id })).map((s) => s.messageName),
    ).toEqual(['shipped-eu']);

    const done = await engine.correlateMessage('shipped-eu', 'o-1', { carrier: 'DHL' });
    expect(done.status).toBe('completed');
    expect(done.variables['shippedWith']).toBe('DHL');
  });

  it('given a message racing with the start of the instance it is for, it is correlated whichever commits first', async () => {
    const { engine, peer } = given();
    await engine.deploy(diagram('message-catch-and-receive-task'));
    const other = peer().engine;
    const [instance] = await Promise.all([
      engine.start('orderMessages', { variables: { orderId: 'race', region: 'eu' } }),
      other.publishMessage('payment received', 'race', { paid: 1 }, { timeToLiveMs: HOUR }),
    ]);
    const after = await engine.getInstance(instance.id);
    expect(after?.activeElementIds).toEqual(['awaitShipment']);
  });

  it('given no subscriber, a message without time to live is dropped; given two, both are reached once', async () => {
    const { engine } = given();
    await engine.deploy(diagram('message-catch-and-receive-task'));
    expect(
      (await engine.publishMessage('payment received', 'nobody')).correlatedInstanceIds,
    ).toEqual([]);
    const late = await engine.start('orderMessages', {
      variables: { orderId: 'nobody', region: 'eu' },
    });
    expect(late.activeElementIds).toEqual(['awaitPayment']);
    await expect(engine.correlateMessage('payment received', 'nobody-else')).rejects.toThrow(
      /Expected an instance waiting for message 'payment received'/,
    );

    const a = await engine.start('orderMessages', { variables: { orderId: 'two', region: 'eu' } });
    const b = await engine.start('orderMessages', { variables: { orderId: 'two', region: 'eu' } });
    const published = await engine.publishMessage(
      'payment received',
      'two',
      {},
      { timeToLiveMs: HOUR },
    );
    expect(published.correlatedInstanceIds.sort()).toEqual([a.id, b.id].sort());
    for (const id of [a.id, b.id])
      expect((await engine.getInstance(id))?.activeElementIds).toEqual(['awaitShipment']);
  });

  it('given a message start event, a published message starts an instance with its variables', async () => {
    const { engine } = given();
    await engine.deploy(diagram('message-start-and-throw'));
    const { correlatedInstanceIds } = await engine.publishMessage('order placed', '', {
      orderId: 'o-9',
    });
    expect(correlatedInstanceIds).toHaveLength(1);
    const [job] = await engine.listJobs({ instanceId: correlatedInstanceIds[0] ?? '' });
    expect(job).toMatchObject({
      elementId: 'announce',
      type: 'publish-message',
      variables: { orderId: 'o-9' },
    });
  });
});

describeOnEveryStore('signals', (given) => {
  it('given orders waiting for a recall, a thrown signal reaches all of them in the same transaction and starts the recall notice', async () => {
    const { engine, store } = given();
    await engine.deploy(diagram('signal-events'));
    const orders = [await engine.start('orderFlow'), await engine.start('orderFlow')];
    for (const order of orders) {
      const [task] = await engine.listTasks({ instanceId: order.id, status: 'open' });
      await engine.completeTask(task?.id ?? '');
    }
    expect((await store.listSubscriptions({ kind: 'signal' })).map((s) => s.messageName)).toEqual([
      'product recall',
      'product recall',
    ]);
    await engine.publishMessage('product recall', '');
    expect((await engine.getInstance(orders[0]?.id ?? ''))?.activeElementIds).toEqual([
      'awaitRecall',
    ]);

    await engine.start('announceRecall', { variables: { batch: 'B-1' } });

    for (const order of orders)
      expect((await engine.getInstance(order.id))?.variables['batch']).toBe('B-1');
    expect(await store.listSubscriptions({ kind: 'signal' })).toEqual([]);
    expect(
      (await engine.listTasks({ processId: 'recallNotice' })).map((task) => task.variables),
    ).toEqual([{ batch: 'B-1' }]);
  });

  it('broadcastSignal interrupts a task through its signal boundary event', async () => {
    const { engine } = given();
    const order = await engine.start('orderFlow');
    const result = await engine.broadcastSignal('store closing');
    expect(result.reachedInstanceIds).toEqual([order.id]);
    expect((await engine.getInstance(order.id))?.status).toBe('completed');
  });
});
