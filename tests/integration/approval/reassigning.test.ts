import { expect, it } from 'vitest';
import { describeWithOrgChart, email, fixture } from './support/org';

describeWithOrgChart('an approval step handed to someone else', (given) => {
  async function request(amount: number) {
    const { engine } = given();
    await engine.deploy(fixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount },
      startedBy: email('eli'),
    });
    const open = async () => {
      const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
      return task!;
    };
    return { engine, started, open };
  }

  it('given Dana’s step handed to Fiona, then Fiona decides for Dana, her own limit covers, and the approval is final', async () => {
    const { engine, started, open } = await request(20_000);
    await engine.completeTask((await open()).id, { decision: 'approve' }, email('mia'));
    const task = await open();

    await engine.assignTask(task.id, {
      assignee: email('fiona'),
      by: email('dana'),
      action: 'reassign',
      expectedAssignee: email('dana'),
    });
    const done = await engine.completeTask(task.id, { decision: 'approve' }, email('fiona'));

    expect(done).toMatchObject({ status: 'completed', variables: { approved: true } });
    const [decision] = await engine.listApprovalDecisions({ taskId: task.id });
    expect(decision).toMatchObject({
      approver: { email: email('fiona') },
      onBehalfOf: { email: email('dana') },
      limit: 10_000_000,
      counts: true,
      final: true,
    });
    const history = await engine.history(started.id);
    expect(history.filter((event) => event.type === 'TaskAssigned')).toEqual([
      expect.objectContaining({
        by: email('dana'),
        data: expect.objectContaining({
          from: email('dana'),
          to: email('fiona'),
          action: 'reassign',
          onBehalfOf: email('dana'),
        }) as unknown,
      }),
    ]);
  });

  it('given Mia’s step of 60,000.00 handed to Dana, then Dana’s approval counts for Mia, is not final, and Victor is next, not Dana again', async () => {
    const { engine, open } = await request(60_000);
    const task = await open();
    await engine.assignTask(task.id, {
      assignee: email('dana'),
      by: 'admin@org.baton.test',
      action: 'reassign',
    });

    await engine.completeTask(task.id, { decision: 'approve' }, email('dana'));

    const [decision] = await engine.listApprovalDecisions({ taskId: task.id });
    expect(decision).toMatchObject({
      approver: { email: email('dana') },
      onBehalfOf: { email: email('mia') },
      limit: 5_000_000,
      counts: true,
      final: false,
    });
    const next = await open();
    expect(next.assignee).toBe(email('victor'));
    const done = await engine.completeTask(next.id, { decision: 'approve' }, email('victor'));
    expect(done.variables['approved']).toBe(true);
  });

  it('given Dana’s step handed to Fiona while Fiona’s limit is 10,000.00, then Fiona’s approval is not final and Victor decides', async () => {
    const { engine, open } = await request(20_000);
    const { setLimit } = given();
    await setLimit('fiona', 1_000_000);
    try {
      await engine.completeTask((await open()).id, { decision: 'approve' }, email('mia'));
      const task = await open();
      await engine.assignTask(task.id, {
        assignee: email('fiona'),
        by: email('dana'),
        action: 'delegate',
      });

      await engine.completeTask(task.id, { decision: 'approve' }, email('fiona'));

      expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
        limit: 1_000_000,
        counts: true,
        final: false,
      });
      expect((await open()).assignee).toBe(email('victor'));
    } finally {
      await setLimit('fiona', 10_000_000);
    }
  });

  it('given the requester or an earlier approver, then the hand-over is refused and the task stays', async () => {
    const { engine, started, open } = await request(20_000);
    await engine.completeTask((await open()).id, { decision: 'approve' }, email('mia'));
    const task = await open();
    const before = await engine.history(started.id);

    for (const to of [email('eli'), email('mia'), 'nobody@org.baton.test']) {
      await expect(
        engine.assignTask(task.id, { assignee: to, by: email('dana'), action: 'reassign' }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    expect(await engine.history(started.id)).toEqual(before);
    expect((await engine.getTask(task.id))?.assignee).toBe(email('dana'));
  });
});
