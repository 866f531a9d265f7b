import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, completed, fixture, openTask, trail } from '../support/given';

describe('start → service task → exclusive gateway → user task → exclusive gateway → end', () => {
  it('given a large amount, when the job and the review complete, then it ends at Approved', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('purchase-request'));
    const started = await engine.start('purchase', { variables: { amount: 1500, manager: 'mia' }, startedBy: 'sam' });
    expect(started.activeElementIds).toEqual(['prepare']);

    const job = await activeJob(engine, started.id, 'prepare');
    expect(job).toMatchObject({ type: 'prepare', retries: 2, headers: { channel: 'web' }, variables: { amount: 1500, manager: 'mia' } });
    await engine.completeJob(job.id, { checked: true });

    const task = await openTask(engine, started.id, 'review');
    expect(task).toMatchObject({ assignee: 'mia', candidateGroups: ['finance', 'admins'], formKey: 'review-form', dueDate: '2025-01-10T17:00:00Z' });
    const done = await engine.completeTask(task.id, { approved: true }, 'mia');

    expect(done.status).toBe('completed');
    expect(done.variables).toEqual({ amount: 1500, manager: 'mia', checked: true, approved: true });
    expect(await completed(engine, started.id)).toEqual(['start', 'prepare', 'needsReview', 'review', 'decision', 'approvedEnd', 'purchase']);
    expect(await trail(engine, started.id, ['FlowTaken', 'TaskCompleted', 'InstanceCompleted'])).toEqual([
      'FlowTaken f1',
      'FlowTaken f2',
      'FlowTaken large',
      'TaskCompleted review',
      'FlowTaken f3',
      'FlowTaken yes',
      'InstanceCompleted purchase',
    ]);
    const history = await engine.history(started.id);
    expect(history.find((event) => event.type === 'TaskCompleted')?.by).toBe('mia');
  });

  it('given a small amount, when the job completes, then the default flow skips the review', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('purchase-request'));
    const started = await engine.start('purchase', { variables: { amount: 50 } });
    const done = await engine.completeJob((await activeJob(engine, started.id, 'prepare')).id);
    expect(done.status).toBe('completed');
    expect(await trail(engine, started.id, ['FlowTaken'])).toContain('FlowTaken small');
  });

  it('given a rejection, then it ends at Rejected through the default flow', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('purchase-request'));
    const started = await engine.start('purchase', { variables: { amount: 5000, manager: 'mia' } });
    await engine.completeJob((await activeJob(engine, started.id, 'prepare')).id);
    await engine.completeTask((await openTask(engine, started.id, 'review')).id, { approved: false });
    expect(await completed(engine, started.id)).toContain('rejectedEnd');
  });
});
