import { expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime/types';
import { describeOnEveryStore, fixture, roundTrips } from './support/engines';

const ann = 'ann@finance.test';
const bob = 'bob@finance.test';

describeOnEveryStore('a task changes hands', (given) => {
  async function waitingForReview() {
    const { engine } = given();
    await engine.deploy(fixture('review-offered-to-a-group.bpmn'));
    const started = await engine.start('review-by-group', { startedBy: 'requester@finance.test' });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    return { engine, started, task: task! };
  }

  it('given two members claim at once from two engines, then exactly one wins and the other is refused naming the winner', async () => {
    const { peer } = given();
    const other = peer().engine;
    for (let round = 0; round < 3; round++) {
      const { engine, started, task } = await waitingForReview();

      const outcomes = await Promise.allSettled([
        engine.assignTask(task.id, {
          assignee: ann,
          by: ann,
          action: 'claim',
          expectedAssignee: null,
        }),
        other.assignTask(task.id, {
          assignee: bob,
          by: bob,
          action: 'claim',
          expectedAssignee: null,
        }),
      ]);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find(
        (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
      );
      const winner = (await engine.getTask(task.id))?.assignee;
      expect([ann, bob]).toContain(winner);
      expect(lost?.reason).toBeInstanceOf(CommandRejected);
      expect(String((lost?.reason as Error).message)).toContain(`${winner}`);
      const claims = (await engine.history(started.id)).filter(
        (event) => event.type === 'TaskAssigned',
      );
      expect(claims).toEqual([
        expect.objectContaining({
          elementId: 'review',
          by: winner,
          data: { taskId: task.id, from: null, to: winner, action: 'claim' },
        }),
      ]);
    }
  });

  it('given a claim, a give-back and a hand-over, then the task row follows and each is in the history in order', async () => {
    const { engine, started, task } = await waitingForReview();

    await engine.assignTask(task.id, {
      assignee: ann,
      by: ann,
      action: 'claim',
      expectedAssignee: null,
    });
    await engine.assignTask(task.id, {
      assignee: null,
      by: ann,
      action: 'unclaim',
      expectedAssignee: ann,
    });
    expect((await engine.getTask(task.id))?.assignee).toBeNull();
    await engine.assignTask(task.id, {
      assignee: ann,
      by: ann,
      action: 'claim',
      expectedAssignee: null,
    });
    const after = await engine.assignTask(task.id, {
      assignee: bob,
      by: ann,
      action: 'reassign',
      expectedAssignee: ann,
    });

    expect(roundTrips(after.state)).toBe(true);
    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: bob,
      status: 'open',
      details: { delegatedBy: ann },
    });
    const moves = (await engine.history(started.id))
      .filter((event) => event.type === 'TaskAssigned')
      .map(
        (event) =>
          `${event.data?.['action'] as string} ${JSON.stringify(event.data?.['from'])} → ${JSON.stringify(event.data?.['to'])} by ${event.by ?? ''}`,
      );
    expect(moves).toEqual([
      `claim null → "${ann}" by ${ann}`,
      `unclaim "${ann}" → null by ${ann}`,
      `claim null → "${ann}" by ${ann}`,
      `reassign "${ann}" → "${bob}" by ${ann}`,
    ]);
    expect(
      await engine.listTasks({
        visibleTo: { userId: bob },
        status: 'open',
        instanceId: started.id,
      }),
    ).toHaveLength(1);
  });

  it('given a completed task, when it is claimed or reassigned, then it is refused and nothing changes', async () => {
    const { engine, started, task } = await waitingForReview();
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });
    await engine.completeTask(task.id, {}, ann);
    const before = await engine.history(started.id);

    await expect(
      engine.assignTask(task.id, { assignee: bob, by: ann, action: 'reassign' }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('completed by ann@finance.test') as string,
    });
    await expect(
      engine.assignTask(task.id, { assignee: null, by: ann, action: 'unclaim' }),
    ).rejects.toBeInstanceOf(CommandRejected);
    await expect(
      engine.assignTask('no-such-task', { assignee: ann, by: ann, action: 'claim' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await engine.history(started.id)).toEqual(before);
    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: ann,
      status: 'completed',
      completedBy: ann,
    });
  });
});
