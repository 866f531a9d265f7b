import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, fixture, openTask, textLike, trail } from '../support/given';

describe('error boundary events', () => {
  it('given an error thrown by a job two scopes down, when nothing nearer matches its code, then the boundary on the outer sub-process catches it and everything inside ends', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('error-caught-two-scopes-up'));
    const instance = await engine.start('errors');
    const job = await activeJob(engine, instance.id, 'charge');

    const after = await engine.throwError(job.id, {
      errorCode: 'PAYMENT_FAILED',
      errorMessage: 'card declined',
      variables: { reason: 'declined' },
    });

    expect(after.activeElementIds).toEqual(['handlePayment']);
    expect(after.variables).toEqual({ reason: 'declined' });
    expect(
      await trail(engine, instance.id, [
        'ErrorThrown',
        'ElementTerminated',
        'ElementActivated',
        'ElementCompleted',
      ]),
    ).toEqual(
      expect.arrayContaining([
        'ErrorThrown charge',
        'ElementTerminated charge',
        'ElementTerminated inner',
        'ElementTerminated sideTask',
        'ElementTerminated outer',
        'ElementActivated paymentFailed',
        'ElementCompleted paymentFailed',
      ]),
    );
    expect((await openTask(engine, instance.id, 'handlePayment')).elementId).toBe('handlePayment');
    expect(
      (await engine.listTasks({ instanceId: instance.id })).find(
        (task) => task.elementId === 'sideTask',
      )?.status,
    ).toBe('cancelled');
    expect((await engine.listJobs({ instanceId: instance.id }))[0]?.status).toBe('cancelled');
  });

  it('given an error code the inner boundary matches, then the nearer boundary wins and the outer sub-process carries on', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('error-caught-two-scopes-up'));
    const instance = await engine.start('errors');
    const after = await engine.throwError((await activeJob(engine, instance.id, 'charge')).id, {
      errorCode: 'OTHER',
    });
    expect(after.activeElementIds).toEqual(['outer', 'sideTask']);
    expect(await trail(engine, instance.id, ['ElementCompleted'])).toContain(
      'ElementCompleted innerOther',
    );
  });

  it('given a specific and a catch-all boundary, the one naming the code wins; any other code goes to the catch-all', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('error-boundary-catch-all'));
    const first = await engine.start('catchAll');
    expect(
      (
        await engine.throwError((await activeJob(engine, first.id, 'charge')).id, {
          errorCode: 'DECLINED',
        })
      ).activeElementIds,
    ).toEqual(['askCustomer']);
    const second = await engine.start('catchAll');
    expect(
      (
        await engine.throwError((await activeJob(engine, second.id, 'charge')).id, {
          errorCode: 'TIMEOUT',
        })
      ).activeElementIds,
    ).toEqual(['investigate']);
  });

  it('given an error end event inside a sub-process, then the boundary on the sub-process catches it', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('error-end-event-in-sub-process'));
    const rejected = await engine.start('errorEndInSub', { variables: { amount: 500 } });
    expect(rejected.status).toBe('completed');
    expect(
      await trail(engine, rejected.id, ['ErrorThrown', 'ElementTerminated', 'ElementCompleted']),
    ).toEqual([
      'ElementCompleted start',
      'ElementCompleted checkStart',
      'ElementCompleted decide',
      'ErrorThrown fail',
      'ElementTerminated fail',
      'ElementTerminated check',
      'ElementCompleted rejected',
      'ElementCompleted rejectedEnd',
      'ElementCompleted errorEndInSub',
    ]);
    const accepted = await engine.start('errorEndInSub', { variables: { amount: 5 } });
    expect(await trail(engine, accepted.id, ['ElementCompleted'])).toContain(
      'ElementCompleted okEnd',
    );
  });

  it('given an error no boundary matches, then an incident names the code', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('error-caught-two-scopes-up'));
    const instance = await engine.start('errors');
    const after = await engine.throwError((await activeJob(engine, instance.id, 'charge')).id, {
      errorCode: 'UNKNOWN',
    });
    expect(after.incidents).toEqual([
      expect.objectContaining({
        type: 'UNHANDLED_ERROR_EVENT',
        elementId: 'charge',
        message: textLike("'UNKNOWN'"),
      }),
    ]);
  });
});

describe('terminating a scope', () => {
  it('given a sub-process with a task, a job, a timer, a subscription, a repeating reminder and a child instance, when its interrupting timer fires, then all of them are cleaned up', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('cancelled-sub-process-cleaned-up'));
    const instance = await engine.start('cleanup', { variables: { orderId: 'o-1' } });
    expect(instance.activeElementIds.sort()).toEqual([
      'awaitReply',
      'callChild',
      'charge',
      'pause',
      'review',
      'work',
    ]);
    expect(engine.subscriptions.size).toBe(1);
    const [childTask] = await engine.listTasks({ status: 'open', processId: 'cleanupChild' });

    await engine.elapse(24 * 3600_000);

    const after = await engine.getInstance(instance.id);
    expect(after?.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementTerminated'])).toEqual(
      expect.arrayContaining([
        'ElementTerminated review',
        'ElementTerminated charge',
        'ElementTerminated awaitReply',
        'ElementTerminated callChild',
        'ElementTerminated work',
      ]),
    );
    expect(
      (await engine.listTasks({ instanceId: instance.id })).map((task) => task.status),
    ).toEqual(['cancelled']);
    expect((await engine.listJobs({ instanceId: instance.id })).map((job) => job.status)).toEqual([
      'cancelled',
    ]);
    expect(engine.timers.size).toBe(0);
    expect(engine.subscriptions.size).toBe(0);
    expect((await engine.getInstance(childTask?.instanceId ?? ''))?.status).toBe('terminated');
    // The reminder fired every 10 minutes until the deadline; its 144th firing fell due with the deadline, which was armed first and ended it.
    expect(
      (await trail(engine, instance.id, ['TimerFired'])).filter(
        (line) => line === 'TimerFired review',
      ),
    ).toHaveLength(143);
  });
});
