import { expect, it } from 'vitest';
import type { RunningEngine } from '@/engine/engine';
import { describeWithOrgChart, email, fixture } from './support/org';

const DAY = 24 * 60 * 60 * 1000;

/** What the worker does: fire every timer of the instance that is due now. */
async function fireDueTimers(engine: RunningEngine, instanceId: string) {
  const now = engine.clock.now();
  for (const timer of await engine.store.listTimers({ instanceId })) {
    if (timer.dueAt.getTime() <= now) await engine.triggerTimer(timer.id);
  }
}

describeWithOrgChart('timeouts of an approval', (given) => {
  it('given Mia leaves her task open, then she gets a reminder mail, then the task moves to Dana, and at expiry it ends rejected', async () => {
    const { engine, store, clock } = given();
    await engine.deploy(fixture('approve-in-time'));
    const started = await engine.start('approve-in-time', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    const [mias] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(await store.listTimers({ instanceId: started.id })).toHaveLength(3);

    const mails = async () =>
      (await store.listMails())
        .filter((mail) => mail.instanceId === started.id)
        .map(({ kind, to, data }) => ({ kind, to, data }));
    const request = { kind: 'approval-request', to: email('mia'), data: { taskId: mias!.id } };
    expect(await mails()).toEqual([request]);

    clock.advance(1 * DAY);
    await fireDueTimers(engine, started.id);
    const reminder: unknown = expect.objectContaining({
      kind: 'approval-reminder',
      to: email('mia'),
    });
    expect(await mails()).toEqual([request, reminder]);

    clock.advance(2 * DAY);
    await fireDueTimers(engine, started.id);
    const [danas] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(danas).toMatchObject({
      assignee: email('dana'),
      details: { escalatedFrom: email('mia') },
    });
    expect(await engine.getTask(mias!.id)).toMatchObject({ status: 'cancelled' });
    const escalated = {
      kind: 'approval-escalated',
      to: email('dana'),
      data: { taskId: danas!.id },
    };
    expect(await mails()).toEqual([request, reminder, escalated]);

    clock.advance(4 * DAY);
    await fireDueTimers(engine, started.id);
    const ended = await engine.getInstance(started.id);
    expect(ended).toMatchObject({ status: 'completed', variables: { approved: false } });
    expect(await engine.listTasks({ instanceId: started.id, status: 'open' })).toEqual([]);
    expect(await store.listTimers({ instanceId: started.id })).toEqual([]);
    // Dana is reminded and her task moves up to Victor before the expiry ends it.
    expect(await mails()).toEqual([
      request,
      reminder,
      escalated,
      expect.objectContaining({ kind: 'approval-reminder', to: email('dana') }),
      expect.objectContaining({ kind: 'approval-escalated', to: email('victor') }),
      {
        kind: 'approval-outcome',
        to: email('eli'),
        data: { instanceId: started.id, elementId: danas!.elementId, approved: false },
      },
    ]);
  });
});
