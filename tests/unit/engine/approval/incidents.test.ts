import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { openTask } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

describe('an approval that cannot be resolved is an incident, never an approval', () => {
  it.each([
    [0, 'positive'],
    [-5, 'positive'],
    ['1.001', 'decimals'],
    ['1,000.00', 'not a number'],
  ])(
    'given the amount %j, then an incident says why and no task is created',
    async (amount, why) => {
      const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
      await engine.deploy(approvalFixture('approve-purchase'));

      const started = await engine.start('approve-purchase', {
        variables: { amount },
        startedBy: email('eli'),
      });

      expect(started.status).toBe('active');
      expect(started.incidents).toEqual([
        expect.objectContaining({
          elementId: 'approval',
          type: 'APPROVAL_AMOUNT_INVALID',
          message: expect.stringContaining(why) as string,
        }),
      ]);
      expect(await engine.listTasks({ instanceId: started.id })).toEqual([]);
      expect(await engine.listApprovalDecisions({ instanceId: started.id })).toEqual([]);
    },
  );

  it('given the amount is not a number at all, then the incident names what it was', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: true },
      startedBy: email('eli'),
    });
    expect(started.incidents[0]).toMatchObject({
      type: 'APPROVAL_AMOUNT_INVALID',
      message: expect.stringMatching(
        /^Expected the approval amount of 'approval' to be a number, but it was/,
      ) as string,
    });
  });

  it('given a request in EUR and no EUR rate on record, then the incident asks for the rate', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-in-euros'));
    const started = await engine.start('approve-in-euros', {
      variables: { amount: 1000 },
      startedBy: email('eli'),
    });
    expect(started.incidents[0]?.message).toContain('No exchange rate from EUR to USD');
  });

  it('given a request in EUR and a rate, then it is converted once and the rate is shown with the task', async () => {
    const engine = new MemoryEngine({
      directory: changingDirectory(demoOrg()),
      exchangeRate: (currency) =>
        Promise.resolve(currency === 'EUR' ? { rate: '1.087', date: '2025-01-03' } : null),
    });
    await engine.deploy(approvalFixture('approve-in-euros'));
    const started = await engine.start('approve-in-euros', {
      variables: { amount: 46000 },
      startedBy: email('eli'),
    });
    const task = await openTask(engine, started.id, 'approval');
    expect(task).toMatchObject({
      assignee: email('mia'),
      details: {
        amount: '50,002.00 USD',
        requestedAmount: '46,000.00 EUR',
        exchangeRate: { value: '1.087', date: '2025-01-03' },
        steps: 3,
      },
    });
  });

  it('given nobody can approve and no fallback is configured, then the incident names the gap, and a retry after the fix goes on', async () => {
    const directory = changingDirectory(demoOrg({ eli: { managerId: null } }));
    const engine = new MemoryEngine({ directory });
    await engine.deploy(approvalFixture('approve-without-fallback'));
    const started = await engine.start('approve-without-fallback', {
      variables: { amount: 500 },
      startedBy: email('eli'),
    });

    expect(started.status).toBe('active');
    expect(started.incidents).toEqual([
      expect.objectContaining({
        type: 'APPROVAL_NO_APPROVER',
        message: expect.stringContaining('no manager') as string,
      }),
    ]);
    expect(await engine.listTasks({ instanceId: started.id })).toEqual([]);

    directory.change(demoOrg({}, [], 'org-v2'));
    const retried = await engine.retryIncident(started.incidents[0]!.id);
    expect(retried.incidents).toEqual([]);
    expect((await openTask(engine, started.id, 'approval')).assignee).toBe(email('mia'));
  });

  it('given an engine without an org-chart directory, then an approval task raises an incident', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 500 },
      startedBy: email('eli'),
    });
    expect(started.incidents).toEqual([
      expect.objectContaining({
        type: 'APPROVAL_NOT_CONFIGURED',
        message: expect.stringContaining('directory') as string,
      }),
    ]);
  });

  it('given the instance was started by nobody and no requester is configured, then an incident says so', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', { variables: { amount: 500 } });
    expect(started.incidents).toEqual([expect.objectContaining({ type: 'APPROVAL_NO_REQUESTER' })]);
  });
});
