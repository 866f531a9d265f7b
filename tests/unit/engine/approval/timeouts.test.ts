import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { openTask, trail } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

async function waitingForMia() {
  const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()), roundTrip: true });
  await engine.deploy(approvalFixture('approve-in-time'));
  const started = await engine.start('approve-in-time', {
    variables: { amount: 12500 },
    startedBy: email('eli'),
  });
  return { engine, started, task: await openTask(engine, started.id, 'approval') };
}

describe('reminders, escalation and expiry of an approval', () => {
  it('given Mia leaves her task open for three days, then she is reminded after one and the task moves to Dana after three', async () => {
    const { engine, started, task } = await waitingForMia();

    await engine.elapse(1 * DAY);
    expect(await trail(engine, started.id, ['TimerFired'])).toEqual(['TimerFired approval']);
    expect((await openTask(engine, started.id, 'approval')).id).toBe(task.id);

    await engine.elapse(2 * DAY);
    const escalated = await openTask(engine, started.id, 'approval');
    expect(escalated).toMatchObject({
      assignee: email('dana'),
      details: { step: 1, escalatedFrom: email('mia') },
    });
    expect(await engine.getTask(task.id)).toMatchObject({ status: 'cancelled' });
    await expect(
      engine.completeTask(task.id, { decision: 'approve' }, email('mia')),
    ).rejects.toThrow();

    // Dana's own limit covers 12,500.00, so her approval of the escalated step is final
    const done = await engine.completeTask(escalated.id, { decision: 'approve' }, email('dana'));
    expect(done.variables['approved']).toBe(true);
  });

  it('given nobody decides within the expiry, then the request ends rejected and no timer is left', async () => {
    const { engine, started } = await waitingForMia();

    await engine.elapse(7 * DAY);

    const view = await engine.getInstance(started.id);
    expect(view).toMatchObject({
      status: 'completed',
      variables: { approved: false, approvals: [] },
    });
    expect(await engine.listTasks({ instanceId: started.id, status: 'open' })).toEqual([]);
    expect([...engine.timers.values()].filter((timer) => timer.instanceId === started.id)).toEqual(
      [],
    );
    expect(await trail(engine, started.id, ['FlowTaken'])).toContain('FlowTaken rejectedFlow');
  });

  it('given Mia decides in time, then her step’s timers are cancelled', async () => {
    const { engine, started, task } = await waitingForMia();
    await engine.completeTask(task.id, { decision: 'approve' }, email('mia'));
    const timers = [...engine.timers.values()].filter((timer) => timer.instanceId === started.id);
    // The expiry of the request, plus Dana's reminder and escalation
    expect(timers).toHaveLength(3);
  });
});
