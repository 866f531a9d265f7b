import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { openTask } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg, dollars } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

describe('the approver’s limit is checked again when they decide', () => {
  it('given Dana’s limit is lowered to 10,000.00 before she approves 20,000.00, then her approval counts and Victor is asked next', async () => {
    const directory = changingDirectory(demoOrg());
    const engine = new MemoryEngine({ directory });
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 20000 },
      startedBy: email('eli'),
    });
    await engine.completeTask(
      (await openTask(engine, started.id, 'approval')).id,
      { decision: 'approve' },
      email('mia'),
    );
    const danaTask = await openTask(engine, started.id, 'approval');
    expect(danaTask.assignee).toBe(email('dana'));

    // When the org chart changes under the open task, then Dana approves
    directory.change(demoOrg({ dana: { limit: dollars(10_000) } }, [], 'org-v2'));
    await engine.completeTask(danaTask.id, { decision: 'approve' }, email('dana'));

    // Then her approval counts but is not final, and the next step reads the new chart
    const victorTask = await openTask(engine, started.id, 'approval');
    expect(victorTask).toMatchObject({
      assignee: email('victor'),
      details: { step: 3, orgVersion: 'org-v2' },
    });
    const decisions = await engine.listApprovalDecisions({ instanceId: started.id });
    expect(decisions.at(-1)).toMatchObject({
      approver: { email: email('dana') },
      counts: true,
      final: false,
      limit: dollars(10_000),
      orgVersion: 'org-v2',
    });

    const done = await engine.completeTask(victorTask.id, { decision: 'approve' }, email('victor'));
    expect(done.variables['approved']).toBe(true);
    expect((done.variables['approvals'] as unknown[]).length).toBe(3);
  });
});
