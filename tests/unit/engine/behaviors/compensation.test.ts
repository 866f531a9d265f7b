import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, fixture, trail } from '../support/given';

describe('compensation (saga)', () => {
  it('given book and charge completed and ship failing with an error, then refund runs, then cancel booking; ship is not compensated', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('saga-compensates-in-reverse-order'));
    const instance = await engine.start('trip', { variables: { customer: 'c-1' } });
    await engine.completeJob((await activeJob(engine, instance.id, 'book')).id, {
      bookingId: 'B-7',
    });
    await engine.completeJob((await activeJob(engine, instance.id, 'charge')).id, {
      paymentId: 'P-9',
    });
    await engine.setVariables(instance.id, { bookingId: 'B-changed-later' });

    await engine.throwError((await activeJob(engine, instance.id, 'ship')).id, {
      errorCode: 'SHIPPING_FAILED',
    });

    const refund = await activeJob(engine, instance.id, 'refund');
    expect(refund.variables).toMatchObject({ paymentId: 'P-9', bookingId: 'B-7' });
    expect(
      (await engine.listJobs({ instanceId: instance.id, type: 'cancel-booking' })).length,
    ).toBe(0);
    await engine.completeJob(refund.id);
    const cancelBooking = await activeJob(engine, instance.id, 'cancelBooking');
    expect(cancelBooking.variables).toMatchObject({ bookingId: 'B-7' });
    const done = await engine.completeJob(cancelBooking.id);

    expect(done.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementCompleted'])).toEqual([
      'ElementCompleted start',
      'ElementCompleted book',
      'ElementCompleted charge',
      'ElementCompleted shippingError',
      'ElementCompleted refund',
      'ElementCompleted cancelBooking',
      'ElementCompleted undoAll',
      'ElementCompleted cancelled',
      'ElementCompleted trip',
    ]);
    expect(await engine.listJobs({ instanceId: instance.id, type: 'recall' })).toEqual([]);
  });

  it('given a throw naming one activity, only its handler runs, with the variables as they were when it completed', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('compensation-of-one-activity'));
    const instance = await engine.start('undoCharge', { variables: { amount: 120, attempt: 1 } });
    expect(instance.activeElementIds.sort()).toEqual(['refund', 'undoCharging']);
    const refund = await activeJob(engine, instance.id, 'refund');
    expect(refund.variables).toMatchObject({ amount: 120, charged: 120, bookingId: 'B-1' });
    const done = await engine.completeJob(refund.id);
    expect(done.status).toBe('completed');
    expect(done.variables['amount']).toBe(0);
    expect(await engine.listJobs({ instanceId: instance.id, type: 'cancel-booking' })).toEqual([]);
  });

  it('given the instance is cancelled, nothing is compensated and nothing stays remembered', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('saga-compensates-in-reverse-order'));
    const instance = await engine.start('trip');
    await engine.completeJob((await activeJob(engine, instance.id, 'book')).id);
    const cancelled = await engine.cancelInstance(instance.id);
    expect(cancelled.state.compensations ?? {}).toEqual({});
    expect(await engine.listJobs({ instanceId: instance.id, type: 'cancel-booking' })).toEqual([]);
  });

  it('given a multi-instance activity, each completed inner instance is compensated, the last one first, with its own item', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('compensation-of-multi-instance'));
    const instance = await engine.start('chargeCards', {
      variables: { cards: ['visa', 'amex', 'mc'] },
    });
    const refunded: string[] = [];
    for (let round = 0; round < 3; round++) {
      const [job] = await engine.listJobs({
        instanceId: instance.id,
        type: 'refund',
        status: 'activatable',
      });
      refunded.push(JSON.stringify(job?.variables['card']));
      await engine.completeJob(job?.id ?? '');
    }
    expect(refunded).toEqual(['"mc"', '"amex"', '"visa"']);
    expect((await engine.getInstance(instance.id))?.status).toBe('completed');
  });
});
