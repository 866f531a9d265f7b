import { describe, expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime/types';
import { MemoryEngine } from '../support/memory-engine';
import { openTask } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { delegatesTo, demoOrg, MARCH_10 } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

describe('only the approver of the step decides it', () => {
  it('given Mia’s task, when Dana or nobody in particular decides, then it is refused and nothing changes', async () => {
    const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
    await engine.deploy(approvalFixture('approve-purchase'));
    const started = await engine.start('approve-purchase', {
      variables: { amount: 12500 },
      startedBy: email('eli'),
    });
    const task = await openTask(engine, started.id, 'approval');
    const before = await engine.history(started.id);

    for (const by of [email('dana'), email('eli'), undefined]) {
      const refused = await engine
        .completeTask(task.id, { decision: 'approve' }, by)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CommandRejected);
      expect(refused).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining(email('mia')) as string,
      });
    }
    expect(await engine.history(started.id)).toEqual(before);

    // The assignee is matched by email, whatever its case
    const done = await engine.completeTask(task.id, { decision: 'approve' }, 'MIA@demo.baton.test');
    expect(done.status).toBe('active');
  });

  it('given Dana delegates to Omar, then Omar decides her step "for Dana" with her authority', async () => {
    const engine = new MemoryEngine({
      now: MARCH_10.getTime(),
      directory: changingDirectory(demoOrg({ dana: delegatesTo('omar') })),
    });
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

    const task = await openTask(engine, started.id, 'approval');
    expect(task).toMatchObject({
      assignee: email('omar'),
      details: { onBehalfOf: email('dana'), onBehalfOfName: 'Dana Diaz' },
    });
    await expect(
      engine.completeTask(task.id, { decision: 'approve' }, email('dana')),
    ).rejects.toBeInstanceOf(CommandRejected);
    const done = await engine.completeTask(task.id, { decision: 'approve' }, email('omar'));

    expect(done.variables['approved']).toBe(true);
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({ approver: email('mia') }),
      expect.objectContaining({
        approver: email('omar'),
        onBehalfOf: email('dana'),
        authority: 'dana',
        final: true,
      }),
    ]);
  });

  it('given the chain runs out and the fallback is a group, then anyone in it but the requester decides', async () => {
    const engine = new MemoryEngine({
      directory: changingDirectory(demoOrg({ cora: { active: false } })),
    });
    await engine.deploy(approvalFixture('approve-by-finance'));
    const started = await engine.start('approve-by-finance', {
      variables: { amount: 300000 },
      startedBy: email('eli'),
    });

    // Then nobody in the chain covers 300,000.00 once Cora is inactive: the finance queue gets the task
    const queued = await openTask(engine, started.id, 'approval');
    expect(queued).toMatchObject({
      assignee: null,
      candidateGroups: ['finance'],
      details: { asFallback: true, excluded: [email('eli')] },
    });
    expect(queued.details['reason']).toEqual(expect.stringContaining('finance'));

    await expect(
      engine.completeTask(queued.id, { decision: 'approve' }, email('eli')),
    ).rejects.toBeInstanceOf(CommandRejected);
    const done = await engine.completeTask(queued.id, { decision: 'approve' }, email('fiona'));

    expect(done.variables['approved']).toBe(true);
    expect(done.variables['approvals']).toEqual(
      expect.arrayContaining([expect.objectContaining({ approver: email('fiona'), final: true })]),
    );
  });
});
