import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { openTask, trail } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

describe('an approval task walks the manager chain one approver at a time', () => {
  it('given 12,500.00 requested by Eli, when Mia and then Dana approve, then the request is approved with two decisions', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()), roundTrip: true });
    await engine.deploy(approvalFixture('approve-purchase'));

    // Given Eli requests 12,500.00 USD: Mia's 5,000.00 does not cover it, Dana's 50,000.00 does
    const started = await engine.start('approve-purchase', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    expect(started.activeElementIds).toEqual(['approval']);
    const first = await openTask(engine, started.id, 'approval');
    expect(first).toMatchObject({
      name: 'Approve purchase',
      assignee: email('mia'),
      formKey: 'purchase-approval',
      details: {
        approval: true,
        title: 'Approve purchase',
        amount: '12,500.00 USD',
        amountMinor: 1_250_000,
        currency: 'USD',
        requester: email('eli'),
        requesterName: 'Eli Evans',
        step: 1,
        steps: 2,
        onBehalfOf: null,
      },
    });

    // When Mia approves: her limit counts but is not final, so Dana is asked next
    const afterMia = await engine.completeTask(
      first.id,
      { decision: 'approve', comment: 'Fine by me' },
      email('mia'),
      { channel: 'inbox' },
    );
    expect(afterMia.status).toBe('active');
    const second = await openTask(engine, started.id, 'approval');
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ assignee: email('dana'), details: { step: 2, steps: 2 } });

    // When Dana approves: her limit covers the amount, so the approval is final
    const done = await engine.completeTask(second.id, { approved: true }, email('dana'), {
      channel: 'email',
    });

    // Then the process went the approved way, with both decisions as output and as rows
    expect(done.status).toBe('completed');
    expect(done.variables['approved']).toBe(true);
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({
        step: 1,
        approver: email('mia'),
        onBehalfOf: null,
        decision: 'approve',
        channel: 'inbox',
        comment: 'Fine by me',
        authority: 'mia',
        limit: 500_000,
        counts: true,
        final: false,
      }),
      expect.objectContaining({
        step: 2,
        approver: email('dana'),
        decision: 'approve',
        channel: 'email',
        comment: null,
        authority: 'dana',
        limit: 5_000_000,
        counts: true,
        final: true,
      }),
    ]);
    expect(
      await trail(engine, started.id, [
        'TaskCreated',
        'TaskCompleted',
        'ApprovalDecided',
        'InstanceCompleted',
      ]),
    ).toEqual([
      'TaskCreated approval',
      'TaskCompleted approval',
      'ApprovalDecided approval',
      'TaskCreated approval',
      'TaskCompleted approval',
      'ApprovalDecided approval',
      'InstanceCompleted approve-purchase',
    ]);
    expect(await trail(engine, started.id, ['FlowTaken'])).toContain('FlowTaken approvedFlow');
    const decisions = await engine.listApprovalDecisions({ instanceId: started.id });
    expect(
      decisions.map((row) => [
        row.taskId,
        row.approver.email,
        row.decision,
        row.channel,
        row.orgVersion,
      ]),
    ).toEqual([
      [first.id, email('mia'), 'approve', 'inbox', 'org-v1'],
      [second.id, email('dana'), 'approve', 'email', 'org-v1'],
    ]);
  });

  it('given an approval waiting for its first approver, its state is plain JSON that survives a round trip', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()), roundTrip: true });
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    expect(JSON.parse(JSON.stringify(started.state))).toEqual(started.state);
  });
});
