import { describe, expect, it } from 'vitest';
import { CommandRejected, type Variables } from '@/engine/runtime/types';
import { MemoryEngine } from '../support/memory-engine';
import { openTask, trail } from '../support/given';
import { changingDirectory } from '../support/org-directory';
import { demoOrg } from '../authority/fixtures/demo-org';
import { approvalFixture, email } from './fixtures';

async function waitingForMia() {
  const engine = new MemoryEngine({ directory: changingDirectory(demoOrg()) });
  await engine.deploy(approvalFixture('approve-purchase'));
  const started = await engine.start('approve-purchase', {
    variables: { amount: 12500 },
    startedBy: email('eli'),
  });
  return { engine, started, task: await openTask(engine, started.id, 'approval') };
}

describe('a rejection ends the approval', () => {
  it('given Mia rejects with a comment, then the request ends rejected and Dana never gets a task', async () => {
    const { engine, started, task } = await waitingForMia();

    const done = await engine.completeTask(
      task.id,
      { decision: 'reject', comment: 'Over budget' },
      email('mia'),
    );

    expect(done.status).toBe('completed');
    expect(done.variables['approved']).toBe(false);
    expect(done.variables['approvals']).toEqual([
      expect.objectContaining({
        approver: email('mia'),
        decision: 'reject',
        comment: 'Over budget',
        channel: 'api',
        final: true,
      }),
    ]);
    expect(await trail(engine, started.id, ['FlowTaken'])).toContain('FlowTaken rejectedFlow');
    expect(await engine.listTasks({ instanceId: started.id, status: 'open' })).toEqual([]);
    expect(await engine.listApprovalDecisions({ instanceId: started.id })).toEqual([
      expect.objectContaining({ taskId: task.id, decision: 'reject', comment: 'Over budget' }),
    ]);
  });

  it('given approved: false is sent instead of a decision, then it is a rejection too', async () => {
    const { engine, task } = await waitingForMia();
    const done = await engine.completeTask(
      task.id,
      { approved: false, comment: 'No' },
      email('mia'),
    );
    expect(done.variables['approved']).toBe(false);
  });

  it('given a rejection without a comment, then it is refused and the task stays open', async () => {
    const { engine, started, task } = await waitingForMia();
    const before = await engine.history(started.id);

    const attempts: Variables[] = [{ decision: 'reject' }, { decision: 'reject', comment: '   ' }];
    for (const variables of attempts) {
      const refused = await engine
        .completeTask(task.id, variables, email('mia'))
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CommandRejected);
      expect(refused).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('comment') as string,
      });
    }

    expect(await engine.history(started.id)).toEqual(before);
    expect((await openTask(engine, started.id, 'approval')).id).toBe(task.id);
  });

  it('given no decision at all, then it is refused', async () => {
    const { engine, task } = await waitingForMia();
    await expect(
      engine.completeTask(task.id, { comment: 'hmm' }, email('mia')),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
