import { expect, it } from 'vitest';
import { describeWithOrgChart, email, fixture } from './support/org';

describeWithOrgChart('an approval walks the manager chain', (given) => {
  it('given 12,500.00 requested by Eli, when Mia and then Dana approve, then it is approved with two stored decisions', async () => {
    const { engine, orgVersion } = given();
    await engine.deploy(fixture('approve-purchase'));
    const version = await orgVersion();

    // Given Eli's request: Mia (5,000.00) is asked first
    const started = await engine.start('approve-purchase', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    const [mias] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(mias).toMatchObject({
      assignee: email('mia'),
      details: {
        amount: '12,500.00 USD',
        requester: email('eli'),
        step: 1,
        steps: 2,
        onBehalfOf: null,
      },
    });
    expect(
      await engine.listTasks({
        visibleTo: { userId: email('mia') },
        status: 'open',
        instanceId: started.id,
      }),
    ).toHaveLength(1);

    // When Mia approves, Dana (50,000.00) is asked; when Dana approves, it is final
    await engine.completeTask(mias!.id, { decision: 'approve', comment: 'ok' }, email('mia'), {
      channel: 'inbox',
    });
    const [danas] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(danas).toMatchObject({ assignee: email('dana'), details: { step: 2, steps: 2 } });
    const done = await engine.completeTask(danas!.id, { decision: 'approve' }, email('dana'), {
      channel: 'email',
    });

    // Then
    expect(done).toMatchObject({
      status: 'completed',
      variables: { amount: 12500, approved: true },
    });
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({
        approver: email('mia'),
        decision: 'approve',
        channel: 'inbox',
        comment: 'ok',
        limit: 500_000,
        final: false,
      }),
      expect.objectContaining({
        approver: email('dana'),
        decision: 'approve',
        channel: 'email',
        limit: 5_000_000,
        final: true,
      }),
    ]);
    expect(await engine.getTask(mias!.id)).toMatchObject({
      status: 'completed',
      completedBy: email('mia'),
    });
    expect(await engine.getTask(danas!.id)).toMatchObject({
      status: 'completed',
      completedBy: email('dana'),
    });
    const rows = await engine.listApprovalDecisions({ instanceId: started.id });
    expect(rows).toEqual([
      expect.objectContaining({
        taskId: mias!.id,
        step: 1,
        approver: expect.objectContaining({ email: email('mia') }) as unknown,
        decision: 'approve',
        channel: 'inbox',
        comment: 'ok',
        limit: 500_000,
        counts: true,
        final: false,
        orgVersion: version,
      }),
      expect.objectContaining({
        taskId: danas!.id,
        step: 2,
        approver: expect.objectContaining({ email: email('dana') }) as unknown,
        decision: 'approve',
        channel: 'email',
        limit: 5_000_000,
        counts: true,
        final: true,
        orgVersion: version,
      }),
    ]);
    const history = await engine.history(started.id);
    expect(
      history.filter((event) => event.type === 'ApprovalDecided').map((event) => event.by),
    ).toEqual([email('mia'), email('dana')]);
    expect(history.at(-1)?.type).toBe('InstanceCompleted');
  });
});
