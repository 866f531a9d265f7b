import { expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime/types';
import { describeWithOrgChart, email, fixture } from './support/org';

describeWithOrgChart('deciding an approval task', (given) => {
  async function waitingForMia() {
    const { engine } = given();
    await engine.deploy(fixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    return { engine, started, task: task! };
  }

  it('given Mia rejects with a comment, then it ends rejected and Dana never gets a task', async () => {
    const { engine, started, task } = await waitingForMia();
    const done = await engine.completeTask(
      task.id,
      { decision: 'reject', comment: 'Not this quarter' },
      email('mia'),
    );
    expect(done).toMatchObject({ status: 'completed', variables: { approved: false } });
    expect(await engine.listTasks({ instanceId: started.id, status: 'open' })).toEqual([]);
    expect(await engine.listApprovalDecisions({ instanceId: started.id })).toEqual([
      expect.objectContaining({ decision: 'reject', comment: 'Not this quarter', channel: 'api' }),
    ]);
  });

  it('given a rejection without a comment, or a decision by someone else, then it is refused and the task stays open', async () => {
    const { engine, started, task } = await waitingForMia();
    const before = await engine.history(started.id);

    await expect(
      engine.completeTask(task.id, { decision: 'reject' }, email('mia')),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      engine.completeTask(task.id, { decision: 'approve' }, email('dana')),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(
      engine.completeTask(task.id, { decision: 'approve' }, email('eli')),
    ).rejects.toBeInstanceOf(CommandRejected);

    expect(await engine.history(started.id)).toEqual(before);
    expect(await engine.getTask(task.id)).toMatchObject({ status: 'open' });
    expect(await engine.listApprovalDecisions({ instanceId: started.id })).toEqual([]);
  });

  it("given another process handed the step to Fiona, then Fiona decides it here, though this engine saw it last as Mia's", async () => {
    const { engine, started, task } = await waitingForMia();
    const { peer } = given();
    await peer.assignTask(task.id, {
      assignee: email('fiona'),
      by: email('mia'),
      action: 'reassign',
    });

    await engine.completeTask(task.id, { decision: 'approve' }, email('fiona'));

    expect(await engine.listApprovalDecisions({ instanceId: started.id })).toEqual([
      expect.objectContaining({
        decision: 'approve',
        approver: expect.objectContaining({ email: email('fiona') }) as unknown,
      }),
    ]);
  });

  it('given two concurrent approvals of the same task, then exactly one counts', async () => {
    const { engine, peer } = given();
    await engine.deploy(fixture('approve-purchase'));
    for (let round = 0; round < 3; round++) {
      const started = await engine.start('approve-purchase', {
        variables: { amount: 12500 },
        startedBy: email('eli'),
      });
      const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });

      const outcomes = await Promise.allSettled([
        engine.completeTask(task!.id, { decision: 'approve' }, email('mia'), { channel: 'inbox' }),
        peer.completeTask(task!.id, { decision: 'approve' }, email('mia'), { channel: 'email' }),
      ]);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(lost?.reason).toBeInstanceOf(CommandRejected);
      expect(await engine.listApprovalDecisions({ instanceId: started.id })).toHaveLength(1);
      const open = await engine.listTasks({ instanceId: started.id, status: 'open' });
      expect(open.map((next) => next.assignee)).toEqual([email('dana')]);
    }
  });
});
