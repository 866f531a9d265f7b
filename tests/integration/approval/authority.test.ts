import { expect, it } from 'vitest';
import { describeWithOrgChart, email, fixture } from './support/org';

describeWithOrgChart('the approver’s authority', (given) => {
  it('given self-authority and Eli’s own limit covers 100.00, then it is approved with no task, recorded as such', async () => {
    const { engine } = given();
    await engine.deploy(fixture('approve-with-self-authority'));
    const done = await engine.start('approve-with-self-authority', {
      variables: { amount: '100.00' },
      startedBy: email('eli'),
    });
    expect(done).toMatchObject({ status: 'completed', variables: { approved: true } });
    expect(await engine.listTasks({ instanceId: done.id })).toEqual([]);
    expect(await engine.listApprovalDecisions({ instanceId: done.id })).toEqual([
      expect.objectContaining({
        taskId: null,
        step: 0,
        channel: 'auto',
        decision: 'approve',
        final: true,
        limit: 10_000,
      }),
    ]);
  });

  it('given Dana’s limit is lowered below the amount before she approves, then her approval counts and Victor is asked next', async () => {
    const { engine, setLimit, orgVersion } = given();
    await engine.deploy(fixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 20000 },
      startedBy: email('eli'),
    });
    const [mias] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    await engine.completeTask(mias!.id, { decision: 'approve' }, email('mia'));
    const [danas] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(danas?.assignee).toBe(email('dana'));

    await setLimit('dana', 1_000_000);
    const lowered = await orgVersion();
    await engine.completeTask(danas!.id, { decision: 'approve' }, email('dana'));

    const [victors] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(victors).toMatchObject({ assignee: email('victor'), details: { step: 3 } });
    expect((await engine.listApprovalDecisions({ instanceId: started.id })).at(-1)).toMatchObject({
      counts: true,
      final: false,
      limit: 1_000_000,
      orgVersion: lowered,
    });
    await setLimit('dana', 5_000_000);
  });

  it('given an amount that is not positive, then an incident says so and nobody gets a task', async () => {
    const { engine } = given();
    await engine.deploy(fixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: -5 },
      startedBy: email('eli'),
    });
    expect(started.status).toBe('active');
    expect(started.incidents).toEqual([
      expect.objectContaining({
        elementId: 'approval',
        type: 'APPROVAL_AMOUNT_INVALID',
        message: expect.stringContaining('positive') as string,
      }),
    ]);
    expect(await engine.listIncidents({ instanceId: started.id })).toHaveLength(1);
    expect(await engine.listTasks({ instanceId: started.id })).toEqual([]);
  });

  it('given a request in EUR and no rate in the table, then an incident asks for the rate', async () => {
    const { engine } = given();
    await engine.deploy(
      fixture('approve-purchase')
        .replace('amount="=amount"', 'amount="=amount" currency="EUR"')
        .replace(/approve-purchase/g, 'approve-in-euros'),
    );
    const started = await engine.start('approve-in-euros', {
      variables: { amount: 1000 },
      startedBy: email('eli'),
    });
    expect(started.incidents[0]?.message).toContain('No exchange rate from EUR to USD');
  });
});
