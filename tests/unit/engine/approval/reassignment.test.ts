import { describe, expect, it } from 'vitest';
import type { Person } from '@/engine/authority';
import { MemoryEngine } from '../support/memory-engine';
import { openTask } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { delegatesTo, demoOrg, dollars, MARCH_10, person } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

async function requestOf(
  amount: number,
  options: { changes?: Record<string, Partial<Person>>; extra?: Person[] } = {},
) {
  const engine = new MemoryEngine({
    now: MARCH_10.getTime(),
    roundTrip: true,
    directory: changingDirectory(demoOrg(options.changes, options.extra)),
  });
  await engine.deploy(approvalFixture('approve-purchase'));
  const started = await engine.start('approve-purchase', {
    variables: { amount },
    startedBy: email('eli'),
  });
  return { engine, started };
}

/** Mia approves the first step; the open task is then Dana's. */
async function atDanasStep(amount: number, options: Parameters<typeof requestOf>[1] = {}) {
  const { engine, started } = await requestOf(amount, options);
  await engine.completeTask(
    (await openTask(engine, started.id, 'approval')).id,
    { decision: 'approve' },
    email('mia'),
  );
  const task = await openTask(engine, started.id, 'approval');
  expect(task.assignee).toBe(email('dana'));
  return { engine, started, task };
}

describe('an approval task handed to someone else', () => {
  it('given Dana hands her step to Omar, then Omar decides for Dana, his own limit covers, and the approval is final', async () => {
    const { engine, started, task } = await atDanasStep(20_000);

    await engine.assignTask(task.id, {
      assignee: email('omar'),
      by: email('dana'),
      action: 'reassign',
      expectedAssignee: email('dana'),
    });

    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: email('omar'),
      status: 'open',
      details: { onBehalfOfName: 'Dana Diaz', delegatedBy: email('dana') },
    });
    const history = await engine.history(started.id);
    expect(history.filter((event) => event.type === 'TaskAssigned')).toEqual([
      expect.objectContaining({
        by: email('dana'),
        data: {
          taskId: task.id,
          from: email('dana'),
          to: email('omar'),
          action: 'reassign',
          step: 2,
          onBehalfOf: email('dana'),
        },
      }),
    ]);
    await expect(
      engine.completeTask(task.id, { decision: 'approve' }, email('dana')),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const done = await engine.completeTask(task.id, { decision: 'approve' }, email('omar'));

    expect(done.variables['approved']).toBe(true);
    expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
      approver: { id: 'omar', email: email('omar') },
      onBehalfOf: { id: 'dana', email: email('dana') },
      authorityId: 'omar',
      limit: dollars(50_000),
      counts: true,
      final: true,
    });
  });

  it('given Dana’s step handed to Pat, whose own limit does not cover 20,000.00, then his approval counts, is not final, and Victor is asked next', async () => {
    const { engine, started, task } = await atDanasStep(20_000);
    await engine.assignTask(task.id, {
      assignee: email('pat'),
      by: email('dana'),
      action: 'delegate',
    });

    await engine.completeTask(task.id, { decision: 'approve' }, email('pat'));

    expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
      approver: { email: email('pat') },
      onBehalfOf: { email: email('dana') },
      authorityId: 'pat',
      limit: dollars(5_000),
      counts: true,
      final: false,
    });
    const victorTask = await openTask(engine, started.id, 'approval');
    expect(victorTask).toMatchObject({ assignee: email('victor'), details: { step: 3 } });
    const done = await engine.completeTask(victorTask.id, { decision: 'approve' }, email('victor'));
    expect(done.variables['approved']).toBe(true);
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({ approver: email('mia'), final: false }),
      expect.objectContaining({
        approver: email('pat'),
        onBehalfOf: email('dana'),
        authority: 'pat',
        counts: true,
        final: false,
      }),
      expect.objectContaining({ approver: email('victor'), final: true }),
    ]);
  });

  it('given Mia’s step handed to Pat for 20,000.00, then Pat’s approval stands for Mia’s step and Dana is asked next, not Mia', async () => {
    const { engine, started } = await requestOf(20_000);
    const task = await openTask(engine, started.id, 'approval');
    await engine.assignTask(task.id, {
      assignee: email('pat'),
      by: 'admin@demo.baton.test',
      action: 'reassign',
    });

    await engine.completeTask(task.id, { decision: 'approve' }, email('pat'));

    expect(await openTask(engine, started.id, 'approval')).toMatchObject({
      assignee: email('dana'),
      details: { step: 2 },
    });
  });

  it('given a step delegated in the org chart (Omar for Dana), when Omar hands it to Pat, then Pat decides for Dana with his own limit', async () => {
    const { engine, started } = await requestOf(20_000, { changes: { dana: delegatesTo('omar') } });
    await engine.completeTask(
      (await openTask(engine, started.id, 'approval')).id,
      { decision: 'approve' },
      email('mia'),
    );
    const task = await openTask(engine, started.id, 'approval');
    expect(task).toMatchObject({ assignee: email('omar'), details: { onBehalfOf: email('dana') } });

    await engine.assignTask(task.id, {
      assignee: email('pat'),
      by: email('omar'),
      action: 'reassign',
    });
    expect((await engine.getTask(task.id))?.details).toMatchObject({
      onBehalfOf: null,
      onBehalfOfName: 'Dana Diaz',
      delegatedBy: email('omar'),
    });
    await engine.completeTask(task.id, { decision: 'approve' }, email('pat'));

    expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
      approver: { email: email('pat') },
      onBehalfOf: { email: email('dana') },
      authorityId: 'pat',
      final: false,
    });
    expect((await openTask(engine, started.id, 'approval')).assignee).toBe(email('victor'));
  });

  it('given a handed step handed back to its approver, then the approver decides it as their own', async () => {
    const { engine, task } = await atDanasStep(20_000);
    await engine.assignTask(task.id, {
      assignee: email('pat'),
      by: email('dana'),
      action: 'reassign',
    });
    await engine.assignTask(task.id, {
      assignee: email('dana'),
      by: email('pat'),
      action: 'reassign',
    });

    const done = await engine.completeTask(task.id, { decision: 'approve' }, email('dana'));

    expect(done.variables['approved']).toBe(true);
    expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
      approver: { email: email('dana') },
      onBehalfOf: null,
      authorityId: 'dana',
      final: true,
    });
  });

  it('given the requester, an earlier approver, someone not in the org chart or someone inactive, then the hand-over is refused and nothing changes', async () => {
    const { engine, started, task } = await atDanasStep(20_000, {
      changes: { pat: { active: false } },
    });
    const before = await engine.history(started.id);

    for (const [to, why] of [
      [email('eli'), 'other than the requester'],
      [email('mia'), 'already approved it'],
      ['stranger@demo.baton.test', 'nobody there has that email'],
      [email('pat'), 'they are inactive'],
    ] as const) {
      await expect(
        engine.assignTask(task.id, { assignee: to, by: email('dana'), action: 'reassign' }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(why) as string,
      });
    }
    await expect(
      engine.assignTask(task.id, { assignee: null, by: email('dana'), action: 'unclaim' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });

    expect(await engine.history(started.id)).toEqual(before);
    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: email('dana'),
      details: { step: 2 },
    });
  });

  it('given the finance queue, then a member claims and gives back, the requester may not claim, and the claimer’s decision is final', async () => {
    const engine = new MemoryEngine({
      directory: changingDirectory(
        demoOrg({ cora: { active: false } }, [person('gus', 'Gus Green', 'fiona', dollars(1_000))]),
      ),
    });
    await engine.deploy(approvalFixture('approve-by-finance'));
    const started = await engine.start('approve-by-finance', {
      variables: { amount: 300000 },
      startedBy: email('eli'),
    });
    const queued = await openTask(engine, started.id, 'approval');

    await expect(
      engine.assignTask(queued.id, { assignee: email('eli'), by: email('eli'), action: 'claim' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await engine.assignTask(queued.id, {
      assignee: email('fiona'),
      by: email('fiona'),
      action: 'claim',
      expectedAssignee: null,
    });
    await engine.assignTask(queued.id, {
      assignee: null,
      by: email('fiona'),
      action: 'unclaim',
      expectedAssignee: email('fiona'),
    });
    expect((await engine.getTask(queued.id))?.assignee).toBeNull();
    await engine.assignTask(queued.id, {
      assignee: email('gus'),
      by: email('gus'),
      action: 'claim',
      expectedAssignee: null,
    });

    await expect(
      engine.completeTask(queued.id, { decision: 'approve' }, email('fiona')),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const done = await engine.completeTask(queued.id, { decision: 'approve' }, email('gus'));

    expect(done.variables['approved']).toBe(true);
    expect((await engine.listApprovalDecisions({ taskId: queued.id }))[0]).toMatchObject({
      approver: { email: email('gus') },
      onBehalfOf: null,
      asFallback: true,
      final: true,
    });
    const actions = (await engine.history(started.id))
      .filter((event) => event.type === 'TaskAssigned')
      .map((event) => [event.data?.['action'], event.by]);
    expect(actions).toEqual([
      ['claim', email('fiona')],
      ['unclaim', email('fiona')],
      ['claim', email('gus')],
    ]);
  });
});
