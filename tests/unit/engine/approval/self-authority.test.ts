import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { trail } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

describe('self-authority approves without a task', () => {
  it('given self-authority and Eli’s own 100.00 covers 100.00, then the request is approved at once and recorded', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-with-self-authority'));

    const done = await engine.start('approve-with-self-authority', {
      variables: { amount: '100.00' },
      startedBy: email('eli'),
    });

    expect(done.status).toBe('completed');
    expect(await engine.listTasks({ instanceId: done.id })).toEqual([]);
    expect(done.variables['approved']).toBe(true);
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({
        step: 0,
        approver: email('eli'),
        decision: 'approve',
        channel: 'auto',
        authority: 'eli',
        limit: 10_000,
        final: true,
      }),
    ]);
    expect(await trail(engine, done.id, ['ApprovalDecided', 'TaskCreated'])).toEqual([
      'ApprovalDecided approval',
    ]);
    expect(await engine.listApprovalDecisions({ instanceId: done.id })).toEqual([
      expect.objectContaining({ taskId: null, channel: 'auto', orgVersion: 'org-v1' }),
    ]);
  });

  it('given one cent more than Eli’s limit, then Mia gets the task', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-with-self-authority'));
    const started = await engine.start('approve-with-self-authority', {
      variables: { amount: '100.01' },
      startedBy: email('eli'),
    });
    const [task] = await engine.listTasks({ instanceId: started.id });
    expect(task?.assignee).toBe(email('mia'));
  });
});
