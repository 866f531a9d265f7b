import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask, textLike, trail } from '../support/given';

describe('parallel multi-instance', () => {
  it('given 100 items and a completion condition of 10, ten results complete the activity and the other 90 are cancelled', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('multi-instance-parallel-completion-condition'));
    const items = Array.from({ length: 100 }, (_, index) => index + 1);
    const instance = await engine.start('checkAll', { variables: { items, enough: 10 } });
    const jobs = await engine.listJobs({ instanceId: instance.id, status: 'activatable' });
    expect(jobs).toHaveLength(100);
    expect(jobs[41]?.variables).toMatchObject({ item: 42, loopCounter: 42, score: null });
    expect(engine.timers.size).toBe(1);

    for (const job of jobs.slice(0, 10).reverse())
      await engine.completeJob(job.id, { score: Number(job.variables['item']) * 2 });

    const done = await engine.getInstance(instance.id);
    expect(done?.status).toBe('completed');
    const scores = done?.variables['scores'] as ({
      item: number;
      score: number;
      counter: number;
    } | null)[];
    expect(scores).toHaveLength(100);
    expect(scores.slice(0, 10)).toEqual(
      items.slice(0, 10).map((item) => ({ item, score: item * 2, counter: item })),
    );
    expect(scores.slice(10).every((entry) => entry === null)).toBe(true);
    expect(done?.variables['score']).toBeUndefined();
    const statuses = (await engine.listJobs({ instanceId: instance.id })).map((job) => job.status);
    expect(statuses.filter((status) => status === 'completed')).toHaveLength(10);
    expect(statuses.filter((status) => status === 'cancelled')).toHaveLength(90);
    expect((await trail(engine, instance.id, ['ElementTerminated'])).length).toBe(90);
    expect(engine.timers.size).toBe(0);
  });

  it('given an empty collection, the activity completes at once with an empty output', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('multi-instance-parallel-completion-condition'));
    const instance = await engine.start('checkAll', { variables: { items: [], enough: 1 } });
    expect(instance.status).toBe('completed');
    expect(instance.variables['scores']).toEqual([]);
  });

  it('given an input collection that is not a list, then an incident', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('multi-instance-parallel-completion-condition'));
    const instance = await engine.start('checkAll', { variables: { items: 'abc', enough: 1 } });
    expect(instance.incidents).toEqual([
      expect.objectContaining({
        elementId: 'check',
        message: textLike("Expected the input collection '=items' of 'check' to be a list"),
      }),
    ]);
  });

  it('given the boundary timer fires, the body and all inner instances end', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('multi-instance-parallel-completion-condition'));
    const instance = await engine.start('checkAll', { variables: { items: [1, 2, 3], enough: 3 } });
    await engine.elapse(24 * 3600_000);
    expect((await engine.getInstance(instance.id))?.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementTerminated'])).toEqual([
      'ElementTerminated check',
      'ElementTerminated check',
      'ElementTerminated check',
      'ElementTerminated check',
    ]);
    expect((await engine.listJobs({ instanceId: instance.id })).map((job) => job.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});

describe('sequential multi-instance sub-process', () => {
  it('given three approvers, each gets the task in turn with loopCounter, and the decisions are collected in order', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('multi-instance-sequential-sub-process'));
    const instance = await engine.start('approvalRound', {
      variables: { approvers: ['ann', 'bob', 'cy'] },
    });
    const seen: string[] = [];
    for (const approved of [true, false, true]) {
      const open = await engine.listTasks({ instanceId: instance.id, status: 'open' });
      expect(open).toHaveLength(1);
      const task = await openTask(engine, instance.id, 'approve');
      seen.push(`${task.assignee ?? ''}#${JSON.stringify(task.variables['loopCounter'])}`);
      await engine.completeTask(task.id, { approved });
    }
    expect(seen).toEqual(['ann#1', 'bob#2', 'cy#3']);
    const done = await engine.getInstance(instance.id);
    expect(done?.status).toBe('completed');
    expect(done?.variables['decisions']).toEqual([
      { by: 'ann', approved: true },
      { by: 'bob', approved: false },
      { by: 'cy', approved: true },
    ]);
  });
});
