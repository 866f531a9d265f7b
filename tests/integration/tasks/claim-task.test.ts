import { describe, expect, it } from 'vitest';
import { claimTask } from '@/lib/tasks/claim-task';
import { decideTask } from '@/lib/tasks/decide-task';
import { reassignTask } from '@/lib/tasks/reassign-task';
import { unclaimTask } from '@/lib/tasks/unclaim-task';
import { person, useDemoOrg } from './demo-org';

const REVIEW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://baton.dev/test">
  <bpmn:process id="group-review" name="Group review" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="member" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const sofia = person('sofia.marino');
const thomas = person('thomas.berg');
const admin = { ...person('margaret.okafor'), role: 'admin' as const };

describe('group tasks', () => {
  const given = useDemoOrg();

  async function reviewTask() {
    const { engine } = given();
    await engine.deploy(REVIEW);
    const instance = await engine.start('group-review', { startedBy: 'sam.patel@baton.example' });
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    return task!;
  }

  it('given two members claim at once, then one gets it, the other is told who, and only the claimer completes', async () => {
    const { deps, engine } = given();
    const task = await reviewTask();
    await expect(decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', variables: {} })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Claim this task before you decide it.',
    });

    const results = await Promise.allSettled([
      claimTask(deps, { taskId: task.id, actor: sofia }),
      claimTask(deps, { taskId: task.id, actor: thomas }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(String(lost?.reason)).toMatch(/has already claimed this task/);

    const claimer = (await engine.getTask(task.id))!.assignee === sofia.email ? sofia : thomas;
    const other = claimer === sofia ? thomas : sofia;
    await expect(decideTask(deps, { taskId: task.id, actor: other, channel: 'inbox', variables: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await decideTask(deps, { taskId: task.id, actor: claimer, channel: 'inbox', variables: {} });
    expect((await engine.getTask(task.id))?.status).toBe('completed');
  });

  it('given a claimed task, the claimer can give it back or hand it over, and every move is in the request’s history', async () => {
    const { deps, engine } = given();
    const task = await reviewTask();
    await claimTask(deps, { taskId: task.id, actor: sofia });
    await expect(unclaimTask(deps, { taskId: task.id, actor: thomas })).rejects.toMatchObject({ code: 'forbidden' });
    await unclaimTask(deps, { taskId: task.id, actor: sofia });
    expect((await engine.getTask(task.id))?.assignee).toBeNull();
    await claimTask(deps, { taskId: task.id, actor: sofia });
    await expect(reassignTask(deps, { taskId: task.id, actor: sofia, to: 'nobody@baton.example' })).rejects.toMatchObject({ field: 'to' });
    await reassignTask(deps, { taskId: task.id, actor: sofia, to: thomas.email });
    const moved = await engine.getTask(task.id);
    expect(moved).toMatchObject({ assignee: thomas.email, details: { delegatedBy: sofia.email } });

    const moves = (await engine.history(task.instanceId))
      .filter((event) => event.type === 'TaskAssigned')
      .map((event) => [event.data?.['action'], event.by, event.data?.['to']]);
    expect(moves).toEqual([
      ['claim', sofia.email, sofia.email],
      ['unclaim', sofia.email, null],
      ['claim', sofia.email, sofia.email],
      ['reassign', sofia.email, thomas.email],
    ]);
  });

  it('given a completed task, when someone claims or reassigns it, then they are refused and nothing changes', async () => {
    const { deps, engine } = given();
    const task = await reviewTask();
    await claimTask(deps, { taskId: task.id, actor: sofia });
    await engine.completeTask(task.id, {}, sofia.email);

    await expect(reassignTask(deps, { taskId: task.id, actor: admin, to: thomas.email })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(claimTask(deps, { taskId: task.id, actor: thomas })).rejects.toMatchObject({ code: 'conflict' });
    expect(await engine.getTask(task.id)).toMatchObject({ assignee: sofia.email, status: 'completed' });
  });
});
