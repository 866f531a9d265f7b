import { expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime/types';
import { describeOnEveryStore, fixture, roundTrips } from './support/engines';

describeOnEveryStore('completing a user task', (given) => {
  it('creates the task row, completes it once, and records who did it', async () => {
    const { engine, store } = given();
    await engine.deploy(fixture('review-by-user.bpmn'));

    // Given an instance waiting at the review task
    const started = await engine.start('review-order', {
      variables: { reviewer: 'bob' },
      startedBy: 'ann',
      businessKey: 'PO-1',
    });
    expect(started).toMatchObject({
      status: 'active',
      activeElementIds: ['review'],
      startedBy: 'ann',
      businessKey: 'PO-1',
    });
    expect(roundTrips(started.state)).toBe(true);
    const [task] = await engine.listTasks({ instanceId: started.id });
    expect(task).toMatchObject({
      elementId: 'review',
      name: 'Review the order',
      assignee: 'bob',
      candidateGroups: ['finance'],
      status: 'open',
    });
    expect(
      await engine.listTasks({
        visibleTo: { userId: 'bob' },
        status: 'open',
        instanceId: started.id,
      }),
    ).toHaveLength(1);

    // When bob completes it
    const done = await engine.completeTask(task!.id, { approved: true }, 'bob');

    // Then the instance completed, the task is closed, and history says who
    expect(done).toMatchObject({
      status: 'completed',
      activeElementIds: [],
      variables: { reviewer: 'bob', approved: true },
    });
    expect(done.endedAt).toBeInstanceOf(Date);
    expect(await engine.getTask(task!.id)).toMatchObject({
      status: 'completed',
      completedBy: 'bob',
    });
    const history = await engine.history(started.id);
    const completed = history.find((event) => event.type === 'TaskCompleted');
    expect(completed?.elementId).toBe('review');
    expect(completed?.by ?? completed?.data?.by).toBe('bob');
    expect(history.at(-1)?.type).toBe('InstanceCompleted');
    expect((await store.getInstance(started.id))?.status).toBe('completed');
  });

  it('rejects completing a task that is no longer open, and changes nothing', async () => {
    const { engine } = given();
    const started = await engine.start('review-order', { variables: { reviewer: 'bob' } });
    const [task] = await engine.listTasks({ instanceId: started.id });
    await engine.completeTask(task!.id, {}, 'bob');
    const before = await engine.history(started.id);

    const second = await engine.completeTask(task!.id, {}, 'eve').catch((error: unknown) => error);

    expect(second).toBeInstanceOf(CommandRejected);
    expect(second).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('completed by bob') as string,
    });
    expect(await engine.history(started.id)).toEqual(before);
    expect((await engine.getTask(task!.id))?.completedBy).toBe('bob');
    await expect(engine.completeTask('no-such-task')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets exactly one of two concurrent completions win', async () => {
    const { engine, peer } = given();
    const other = peer().engine;
    for (let round = 0; round < 5; round++) {
      const started = await engine.start('review-order', { variables: { reviewer: 'bob' } });
      const [task] = await engine.listTasks({ instanceId: started.id });

      const outcomes = await Promise.allSettled([
        engine.completeTask(task!.id, { decision: 'bob' }, 'bob'),
        other.completeTask(task!.id, { decision: 'carl' }, 'carl'),
      ]);

      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(CommandRejected);
      const winner = (await engine.getTask(task!.id))?.completedBy;
      const history = await engine.history(started.id);
      expect(history.filter((event) => event.type === 'TaskCompleted')).toHaveLength(1);
      expect((await engine.getInstance(started.id))?.variables.decision).toBe(winner);
    }
  });

  it('cancels the open task when the instance is cancelled', async () => {
    const { engine } = given();
    const started = await engine.start('review-order', { variables: { reviewer: 'bob' } });
    const cancelled = await engine.cancelInstance(started.id, { reason: 'duplicate', by: 'ops' });
    expect(cancelled.status).toBe('terminated');
    expect(await engine.listTasks({ instanceId: started.id })).toMatchObject([
      { status: 'cancelled' },
    ]);
    await expect(engine.cancelInstance(started.id)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});
