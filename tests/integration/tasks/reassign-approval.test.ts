import { describe, expect, it } from 'vitest';
import { startRequest } from '@/lib/requests/start-request';
import { decideTask } from '@/lib/tasks/decide-task';
import { reassignTask } from '@/lib/tasks/reassign-task';
import { person, useDemoOrg } from './demo-org';

const sam = person('sam.patel');
const sofia = person('sofia.marino');
const thomas = person('thomas.berg');
const daniel = person('daniel.reyes');
const ines = { ...person('ines.carvalho'), role: 'designer' as const };
const margaret = { ...person('margaret.okafor'), role: 'admin' as const };

describe('reassigning an approval task', () => {
  const given = useDemoOrg();

  async function requestFor(amount: number) {
    const { deps, engine } = given();
    const instance = await startRequest(deps, {
      processId: 'purchase-request',
      values: { title: 'Laptops', amount, justification: 'New hires' },
      startedBy: sam.email,
    });
    const open = async () => {
      const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
      return task!;
    };
    return { instance, open };
  }

  it('given Sofia hands her step to Daniel, then Daniel decides for Sofia with his own limit, the approval is final, and Daniel is mailed', async () => {
    const { deps, engine } = given();
    const { instance, open } = await requestFor(12_500);
    const task = await open();
    expect(task.assignee).toBe(sofia.email);

    await reassignTask(deps, { taskId: task.id, actor: sofia, to: daniel.email });

    expect(await engine.getTask(task.id)).toMatchObject({
      assignee: daniel.email,
      details: { onBehalfOfName: 'Sofia Marino', delegatedBy: sofia.email },
    });
    const mails = await engine.store.listMails();
    expect(
      mails.filter(
        (mail) =>
          mail.kind === 'approval-request' &&
          mail.to === daniel.email &&
          mail.data['taskId'] === task.id,
      ),
    ).toHaveLength(1);
    await expect(
      decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const done = await decideTask(deps, {
      taskId: task.id,
      actor: daniel,
      channel: 'inbox',
      decision: 'approve',
    });

    expect(done.variables['approved']).toBe(true);
    const [decision] = await engine.listApprovalDecisions({ taskId: task.id });
    expect(decision).toMatchObject({
      approver: { email: daniel.email },
      onBehalfOf: { email: sofia.email },
      limit: 25_000_000,
      final: true,
    });
    const moves = (await engine.history(instance.id)).filter(
      (event) => event.type === 'TaskAssigned',
    );
    expect(moves).toEqual([
      expect.objectContaining({
        by: sofia.email,
        data: expect.objectContaining({
          action: 'reassign',
          from: sofia.email,
          to: daniel.email,
        }) as unknown,
      }),
    ]);
  });

  it('given Thomas’s step handed by an admin to Ines, whose own limit is 100.00, then her approval counts but Daniel decides next', async () => {
    const { deps, engine } = given();
    const { open } = await requestFor(12_500);
    await decideTask(deps, {
      taskId: (await open()).id,
      actor: sofia,
      channel: 'inbox',
      decision: 'approve',
    });
    const task = await open();
    expect(task.assignee).toBe(thomas.email);

    await reassignTask(deps, { taskId: task.id, actor: margaret, to: ines.email });
    await decideTask(deps, { taskId: task.id, actor: ines, channel: 'inbox', decision: 'approve' });

    expect((await engine.listApprovalDecisions({ taskId: task.id }))[0]).toMatchObject({
      approver: { email: ines.email },
      onBehalfOf: { email: thomas.email },
      counts: true,
      final: false,
    });
    expect((await open()).assignee).toBe(daniel.email);
  });

  it('given the requester, an earlier approver or the current assignee, then the hand-over is refused in words and nothing changes', async () => {
    const { deps, engine } = given();
    const { instance, open } = await requestFor(12_500);
    await decideTask(deps, {
      taskId: (await open()).id,
      actor: sofia,
      channel: 'inbox',
      decision: 'approve',
    });
    const task = await open();
    const before = await engine.history(instance.id);

    await expect(
      reassignTask(deps, { taskId: task.id, actor: thomas, to: sam.email }),
    ).rejects.toMatchObject({
      code: 'invalid',
      field: 'to',
      message: `${sam.email} made this request, and nobody approves their own request.`,
    });
    await expect(
      reassignTask(deps, { taskId: task.id, actor: thomas, to: sofia.email }),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: `${sofia.email} already approved this request, and nobody approves it twice.`,
    });
    await expect(
      reassignTask(deps, { taskId: task.id, actor: thomas, to: thomas.email }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      reassignTask(deps, { taskId: task.id, actor: sofia, to: daniel.email }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    expect(await engine.history(instance.id)).toEqual(before);
    expect((await engine.getTask(task.id))?.assignee).toBe(thomas.email);
  });
});
