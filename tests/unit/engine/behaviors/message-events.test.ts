import { describe, expect, it } from 'vitest';
import { compile } from '@/engine/model';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, fixture, openTask, textLike, trail } from '../support/given';

describe('intermediate message catch event and receive task', () => {
  it('given subscriptions keyed by the order id, messages for that order wake them in turn and carry variables', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('message-catch-and-receive-task'));
    const instance = await engine.start('orderMessages', {
      variables: { orderId: 'o-7', region: 'eu' },
    });
    expect([...engine.subscriptions.values()]).toEqual([
      expect.objectContaining({
        elementId: 'awaitPayment',
        messageName: 'payment received',
        correlationKey: 'o-7',
      }),
    ]);

    await engine.correlateMessage('payment received', 'o-7', { paid: 120 });
    expect([...engine.subscriptions.values()]).toEqual([
      expect.objectContaining({
        elementId: 'awaitShipment',
        messageName: 'shipped-eu',
        correlationKey: 'o-7',
      }),
    ]);
    await engine.correlateMessage('shipped-eu', 'o-7', { carrier: 'DHL' });

    const done = await engine.getInstance(instance.id);
    expect(done?.status).toBe('completed');
    expect(done?.variables).toEqual({
      orderId: 'o-7',
      region: 'eu',
      paid: 120,
      shippedWith: 'DHL',
    });
    expect(await trail(engine, instance.id, ['MessageCorrelated'])).toEqual([
      'MessageCorrelated awaitPayment',
      'MessageCorrelated awaitShipment',
    ]);
    expect(engine.subscriptions.size).toBe(0);
  });

  it('given a message for another key, it is not correlated: correlate refuses and publish buffers it', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('message-catch-and-receive-task'));
    const instance = await engine.start('orderMessages', {
      variables: { orderId: 'o-7', region: 'eu' },
    });
    await expect(engine.correlateMessage('payment received', 'o-8')).rejects.toThrow(
      /Expected a subscription to message 'payment received' with correlation key 'o-8'/,
    );
    expect(
      await engine.publishMessage('payment received', 'o-8', {}, { timeToLiveMs: 60_000 }),
    ).toMatchObject({ correlatedInstanceIds: [] });
    expect((await engine.getInstance(instance.id))?.activeElementIds).toEqual(['awaitPayment']);
  });

  it('given a message published before anyone waits, it is buffered for its time to live and correlated when a subscription opens', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('message-catch-and-receive-task'));
    await engine.publishMessage('payment received', 'o-1', { paid: 10 }, { timeToLiveMs: 60_000 });
    await engine.publishMessage('payment received', 'o-2', { paid: 20 }, { timeToLiveMs: 60_000 });
    await engine.publishMessage('payment received', 'o-3', { paid: 30 });

    const first = await engine.start('orderMessages', {
      variables: { orderId: 'o-1', region: 'eu' },
    });
    expect(first.activeElementIds).toEqual(['awaitShipment']);
    expect(first.variables['paid']).toBe(10);
    engine.advance(60_000);
    const late = await engine.start('orderMessages', {
      variables: { orderId: 'o-2', region: 'eu' },
    });
    expect(late.activeElementIds).toEqual(['awaitPayment']);
    const withoutTtl = await engine.start('orderMessages', {
      variables: { orderId: 'o-3', region: 'eu' },
    });
    expect(withoutTtl.activeElementIds).toEqual(['awaitPayment']);
  });

  it('given two instances waiting with the same key, a published message reaches both, once each', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('message-catch-and-receive-task'));
    const a = await engine.start('orderMessages', {
      variables: { orderId: 'shared', region: 'eu' },
    });
    const b = await engine.start('orderMessages', {
      variables: { orderId: 'shared', region: 'eu' },
    });
    const result = await engine.publishMessage('payment received', 'shared', { paid: 1 });
    expect(result.correlatedInstanceIds.sort()).toEqual([a.id, b.id].sort());
    expect((await engine.getInstance(a.id))?.activeElementIds).toEqual(['awaitShipment']);
    expect((await engine.getInstance(b.id))?.activeElementIds).toEqual(['awaitShipment']);
  });

  it('requires a correlation key on catching messages and a job type on throwing ones', async () => {
    const result = await compile(fixture('message-missing-correlation-key'));
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          elementId: 'wait',
          message: textLike('Expected a correlation key (zeebe:subscription correlationKey)'),
        },
        {
          elementId: 'send',
          message: textLike('Expected a message throw event to have a job type'),
        },
      ],
    });
  });
});

describe('message boundary events', () => {
  it('given a non-interrupting comment, the review goes on; given a cancel request, the review is withdrawn', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('message-boundary-events'));
    const instance = await engine.start('requestMessages', { variables: { requestId: 'r-1' } });
    expect(
      [...engine.subscriptions.values()].map((s) => `${s.elementId}:${s.correlationKey}`).sort(),
    ).toEqual(['cancelRequested:r-1', 'commented:r-1']);

    await engine.correlateMessage('comment', 'r-1', { note: 'please hurry' });
    await engine.correlateMessage('comment', 'r-1', { note: 'really' });
    const commented = await engine.getInstance(instance.id);
    expect(commented?.activeElementIds).toEqual(['review']);
    expect(commented?.variables['note']).toBe('really');

    const review = await openTask(engine, instance.id, 'review');
    await engine.correlateMessage('cancel request', 'r-1');
    const cancelled = await engine.getInstance(instance.id);
    expect(cancelled?.status).toBe('completed');
    expect((await engine.getTask(review.id))?.status).toBe('cancelled');
    expect(engine.subscriptions.size).toBe(0);
    expect(await trail(engine, instance.id, ['ElementCompleted'])).toEqual(
      expect.arrayContaining([
        'ElementCompleted commented',
        'ElementCompleted noteEnd',
        'ElementCompleted cancelRequested',
        'ElementCompleted cancelledEnd',
      ]),
    );
    expect(await trail(engine, instance.id, ['ElementCompleted'])).not.toContain(
      'ElementCompleted review',
    );
  });
});

describe('message start event and message throw events', () => {
  it('given a published message with the start event name, an instance starts with its variables; the throw events are jobs', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    const deployed = await compile(fixture('message-start-and-throw'));
    expect(deployed.ok && deployed.graph.messageStartEvents).toEqual([
      { id: 'orderPlaced', messageName: 'order placed' },
    ]);
    await engine.deploy(fixture('message-start-and-throw'));

    const { correlatedInstanceIds } = await engine.publishMessage('order placed', '', {
      orderId: 'o-9',
    });
    const [instanceId = ''] = correlatedInstanceIds;
    const announce = await activeJob(engine, instanceId, 'announce');
    expect(announce).toMatchObject({
      type: 'publish-message',
      headers: { messageName: 'order accepted' },
      variables: { orderId: 'o-9' },
    });
    await engine.completeJob(announce.id);
    await engine.completeJob((await activeJob(engine, instanceId, 'confirm')).id);

    expect((await engine.getInstance(instanceId))?.status).toBe('completed');
    expect(await trail(engine, instanceId, ['ElementCompleted'])).toEqual([
      'ElementCompleted orderPlaced',
      'ElementCompleted announce',
      'ElementCompleted confirm',
      'ElementCompleted orderIntake',
    ]);
  });
});

describe('event-based gateway', () => {
  it('given a payment arrives first, the payment path is taken and the timer and the other subscription are cancelled', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('event-based-gateway'));
    const instance = await engine.start('awaitFirst', { variables: { orderId: 'o-1' } });
    expect(instance.activeElementIds).toEqual(['whicheverFirst']);
    expect(engine.timers.size).toBe(1);
    expect(engine.subscriptions.size).toBe(2);

    await engine.correlateMessage('payment', 'o-1', { amount: 5 });

    const done = await engine.getInstance(instance.id);
    expect(done?.status).toBe('completed');
    expect(done?.variables).toEqual({ orderId: 'o-1', amount: 5 });
    expect(await trail(engine, instance.id, ['ElementCompleted', 'FlowTaken'])).toEqual([
      'ElementCompleted start',
      'FlowTaken f1',
      'ElementCompleted whicheverFirst',
      'FlowTaken f2',
      'ElementCompleted paymentReceived',
      'FlowTaken f5',
      'ElementCompleted paidEnd',
      'ElementCompleted awaitFirst',
    ]);
    expect(engine.timers.size).toBe(0);
    expect(engine.subscriptions.size).toBe(0);
  });

  it('given nothing arrives, the timer wins; given a cancel, the receive task wins', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('event-based-gateway'));
    const overdue = await engine.start('awaitFirst', { variables: { orderId: 'o-2' } });
    await engine.elapse(7 * 24 * 3600_000);
    expect(await trail(engine, overdue.id, ['ElementCompleted'])).toContain(
      'ElementCompleted overdueEnd',
    );
    const cancelled = await engine.start('awaitFirst', { variables: { orderId: 'o-3' } });
    await engine.correlateMessage('cancel', 'o-3');
    expect(await trail(engine, cancelled.id, ['ElementCompleted'])).toContain(
      'ElementCompleted cancelledEnd',
    );
    expect(engine.subscriptions.size).toBe(0);
    expect(engine.timers.size).toBe(0);
  });
});
