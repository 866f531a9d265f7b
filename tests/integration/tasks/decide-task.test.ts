import { describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/action';
import { startRequest } from '@/lib/requests/start-request';
import { decideTask } from '@/lib/tasks/decide-task';
import { TaskAlreadyDecided } from '@/lib/tasks/task-already-decided';
import { person, useDemoOrg } from './demo-org';

const sam = person('sam.patel');
const sofia = person('sofia.marino');
const thomas = person('thomas.berg');

describe('deciding a task', () => {
  const given = useDemoOrg();

  async function requestFor(amount: number) {
    const { deps, engine } = given();
    const instance = await startRequest(deps, {
      processId: 'purchase-request',
      values: { title: 'Laptops', amount, justification: 'New hires' },
      startedBy: sam.email,
    });
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    return { instance, task: task! };
  }

  it('given Sofia is the assignee, when she approves from the inbox, then it counts and goes to Thomas', async () => {
    const { deps, engine } = given();
    const { instance, task } = await requestFor(12_500);
    expect(task.assignee).toBe(sofia.email);

    await decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'approve', comment: 'Fine' });

    const [next] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    expect(next?.assignee).toBe(thomas.email);
    const [decision] = await engine.listApprovalDecisions({ taskId: task.id });
    expect(decision).toMatchObject({ decision: 'approve', channel: 'inbox', comment: 'Fine' });
  });

  it('given a stranger, when they try to decide, then they are refused with 403 and nothing changes', async () => {
    const { deps, engine } = given();
    const { task } = await requestFor(600);
    const attempt = decideTask(deps, { taskId: task.id, actor: thomas, channel: 'inbox', decision: 'approve' });
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    expect((await engine.getTask(task.id))?.status).toBe('open');
  });

  it('given a rejection without a comment, then it is refused naming the comment field', async () => {
    const { deps } = given();
    const { task } = await requestFor(600);
    const attempt = decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'reject', comment: ' ' });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid', field: 'comment' });
  });

  it('given two decisions at once (inbox and email), then exactly one counts and the other is told who, how and when', async () => {
    const { deps, engine } = given();
    const { task } = await requestFor(600);
    const results = await Promise.allSettled([
      decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'approve' }),
      decideTask(deps, { taskId: task.id, actor: sofia, channel: 'email', decision: 'reject', comment: 'No' }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as unknown;
    expect(error).toBeInstanceOf(TaskAlreadyDecided);
    const decisions = await engine.listApprovalDecisions({ taskId: task.id });
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]!;
    expect((error as TaskAlreadyDecided).decision).toMatchObject({ by: sofia.email, channel: winner.channel });
    expect((error as AppError).message).toMatch(
      /already (approved|rejected) by Sofia Marino \(via (inbox|email)\) at .* UTC\. Nothing was changed\./,
    );
  });

  it('given a task already decided, when someone decides it again later, then they get the same answer', async () => {
    const { deps } = given();
    const { task } = await requestFor(600);
    await decideTask(deps, { taskId: task.id, actor: sofia, channel: 'email', decision: 'approve' });
    const again = decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'approve' });
    await expect(again).rejects.toThrow(/already approved by Sofia Marino \(via email\)/);
  });
});
