import { describe, expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime/types';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask } from '../support/given';

const ann = 'ann@finance.test';
const bob = 'bob@finance.test';
const cleo = 'cleo@finance.test';

async function waitingForReview() {
  const engine = new MemoryEngine({ roundTrip: true });
  await engine.deploy(fixture('review-offered-to-a-group'));
  const started = await engine.start('review-by-group', { startedBy: 'requester@finance.test' });
  const task = await openTask(engine, started.id, 'review');
  return { engine, started, task };
}

async function assignments(engine: MemoryEngine, instanceId: string) {
  const history = await engine.history(instanceId);
  return history
    .filter((event) => event.type === 'TaskAssigned')
    .map((event) => ({ by: event.by, ...event.data }));
}

describe('a task changes hands through the engine', () => {
  it('given a group task, when two members claim it at once, then exactly one gets it and the other is told who has it', async () => {
    const { engine, started, task } = await waitingForReview();

    const outcomes = await Promise.allSettled([
      engine.assignTask(task.id, {
        assignee: ann,
        by: ann,
        action: 'claim',
        expectedAssignee: null,
      }),
      engine.assignTask(task.id, {
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
    expect(lost?.reason).toBeInstanceOf(CommandRejected);
    expect(lost?.reason).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining(`but it is assigned to ${winner}`) as string,
    });
    expect(await assignments(engine, started.id)).toEqual([
      { by: winner, taskId: task.id, from: null, to: winner, action: 'claim' },
    ]);
  });

  it('given a claimed task, when the claimer gives it back, then the group has it again and the history says so', async () => {
    const { engine, started, task } = await waitingForReview();
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });

    await engine.assignTask(task.id, {
      assignee: null,
      by: ann,
      action: 'unclaim',
      expectedAssignee: ann,
    });

    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: null,
      candidateGroups: ['finance'],
      status: 'open',
    });
    expect(await assignments(engine, started.id)).toEqual([
      { by: ann, taskId: task.id, from: null, to: ann, action: 'claim' },
      { by: ann, taskId: task.id, from: ann, to: null, action: 'unclaim' },
    ]);
  });

  it('given a claimed task, when it is reassigned, then the new assignee has it as handed over, and completes it', async () => {
    const { engine, started, task } = await waitingForReview();
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });

    await engine.assignTask(task.id, {
      assignee: bob,
      by: ann,
      action: 'reassign',
      expectedAssignee: ann,
    });

    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: bob,
      details: { delegatedBy: ann },
    });
    expect((await assignments(engine, started.id)).at(-1)).toEqual({
      by: ann,
      taskId: task.id,
      from: ann,
      to: bob,
      action: 'reassign',
    });
    const done = await engine.completeTask(task.id, {}, bob);
    expect(done.status).toBe('completed');
  });

  it('given someone else took the task meanwhile, when it is reassigned from the old holder, then it is refused naming the holder', async () => {
    const { engine, started, task } = await waitingForReview();
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });
    await engine.assignTask(task.id, { assignee: bob, by: ann, action: 'delegate' });
    const before = await engine.history(started.id);

    await expect(
      engine.assignTask(task.id, {
        assignee: cleo,
        by: 'admin@finance.test',
        action: 'reassign',
        expectedAssignee: ann,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining(`assigned to ${bob}`) as string,
    });

    expect(await engine.history(started.id)).toEqual(before);
    expect((await engine.getTask(task.id))?.assignee).toBe(bob);
  });

  it('given a claim of a claimed task, a give-back of an unclaimed one, or a hand-over to nobody, then each is refused and nothing changes', async () => {
    const { engine, started, task } = await waitingForReview();
    await expect(
      engine.assignTask(task.id, { assignee: null, by: ann, action: 'unclaim' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });
    const before = await engine.history(started.id);

    await expect(
      engine.assignTask(task.id, { assignee: bob, by: bob, action: 'claim' }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining(`${ann} has it`) as string,
    });
    await expect(
      engine.assignTask(task.id, { assignee: null, by: ann, action: 'reassign' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      engine.assignTask(task.id, { assignee: ann, by: ann, action: 'reassign' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    expect(await engine.history(started.id)).toEqual(before);
  });

  it('given a completed task, when anyone claims or reassigns it, then it is refused and nothing changes', async () => {
    const { engine, started, task } = await waitingForReview();
    await engine.assignTask(task.id, { assignee: ann, by: ann, action: 'claim' });
    await engine.completeTask(task.id, {}, ann);
    const before = await engine.history(started.id);

    for (const assignment of [
      { assignee: bob, by: bob, action: 'claim' as const },
      { assignee: bob, by: ann, action: 'reassign' as const },
      { assignee: null, by: ann, action: 'unclaim' as const },
    ]) {
      await expect(engine.assignTask(task.id, assignment)).rejects.toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining('to be open, but it was completed') as string,
      });
    }
    expect(await engine.history(started.id)).toEqual(before);
    expect(await engine.getTask(task.id)).toMatchObject({ assignee: ann, status: 'completed' });
  });
});
