import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { groupMembers, users } from '@/db/schema';
import { addGroupMember } from '@/lib/groups/add-group-member';
import { createGroup } from '@/lib/groups/create-group';
import { loadTaskActor } from '@/lib/groups/load-task-actor';
import { removeGroupMember } from '@/lib/groups/remove-group-member';
import { claimTask } from '@/lib/tasks/claim-task';
import { countInbox } from '@/lib/tasks/count-inbox';
import { decideTask } from '@/lib/tasks/decide-task';
import { listInbox } from '@/lib/tasks/list-inbox';
import { renderMail } from '@/lib/mail/render-mail';
import type { TaskActor } from '@/lib/tasks/task-actor';
import { useDemoOrg, type DemoOrg } from '../tasks/demo-org';

const demo = readFileSync(path.resolve(import.meta.dirname, '../../../db/demo/purchase-request.bpmn'), 'utf8');

/** The demo purchase request with another fallback approver. */
const withFallback = (processId: string, fallback: string) =>
  demo
    .replace('fallbackApprover="group:finance"', `fallbackApprover="${fallback}"`)
    .replaceAll('id="purchase-request"', `id="${processId}"`)
    .replace('bpmnElement="purchase-request"', `bpmnElement="${processId}"`);

const REVIEW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://baton.dev/test">
  <bpmn:process id="finance-review" name="Finance review" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review the invoice">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="finance" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const CEO = 'margaret.okafor@baton.example';
const THOMAS = 'thomas.berg@baton.example';
const SOFIA = 'sofia.marino@baton.example';

async function actor(org: DemoOrg, email: string): Promise<TaskActor> {
  const found = await loadTaskActor(org.handle.db, email);
  if (!found) throw new Error(`${email} has no active account.`);
  return found;
}

async function accountOf(org: DemoOrg, email: string): Promise<{ id: string; name: string }> {
  const [row] = await org.handle.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(email);
  return row;
}

describe('group queues', () => {
  const given = useDemoOrg();

  it('given a task offered to "finance", then a member sees and claims it, and a non-member neither sees nor claims it', async () => {
    const org = given();
    const { engine, deps } = org;
    await engine.deploy(REVIEW);
    const instance = await engine.start('finance-review', { startedBy: 'sam.patel@baton.example' });
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    expect(task?.candidateGroups).toEqual(['finance']);

    const thomas = await actor(org, THOMAS);
    const sofia = await actor(org, SOFIA);
    expect(thomas.groups).toEqual(['finance']);
    expect(sofia.groups).toEqual([]);

    const query = { view: 'all', due: 'any', sort: 'created', page: 1 } as const;
    expect((await listInbox(deps.db, thomas, query)).items.map((item) => item.id)).toContain(task!.id);
    expect((await listInbox(deps.db, sofia, query)).items.map((item) => item.id)).not.toContain(task!.id);
    expect((await countInbox(deps.db, sofia)).claimable).toBe(0);

    await expect(claimTask(deps, { taskId: task!.id, actor: sofia })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      message: 'This task is not offered to you.',
    });
    await claimTask(deps, { taskId: task!.id, actor: thomas });
    await decideTask(deps, { taskId: task!.id, actor: thomas, channel: 'inbox', variables: {} });
    expect((await engine.getTask(task!.id))?.status).toBe('completed');
  });

  it('given someone leaves the group, then on their next request the group’s tasks are gone from their inbox', async () => {
    const org = given();
    const { engine, deps } = org;
    const admin = await accountOf(org, CEO);
    const sofia = await accountOf(org, SOFIA);
    await addGroupMember(deps.db, { actor: admin, groupKey: 'finance', userId: sofia.id, reason: 'Covers invoices' });
    const instance = await engine.start('finance-review', { startedBy: 'sam.patel@baton.example' });
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    expect((await countInbox(deps.db, await actor(org, SOFIA))).claimable).toBe(1);

    await removeGroupMember(deps.db, { actor: admin, groupKey: 'finance', userId: sofia.id, reason: 'Back to purchasing' });
    expect((await countInbox(deps.db, await actor(org, SOFIA))).claimable).toBe(0);
    await expect(claimTask(deps, { taskId: task!.id, actor: await actor(org, SOFIA) })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('given the CEO requests (no manager), then the approval goes to the finance queue and a member decides it', async () => {
    const org = given();
    const { engine, deps } = org;
    const started = await engine.start('purchase-request', {
      variables: { amount: 1200, title: 'Board dinner' },
      startedBy: CEO,
    });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(task).toMatchObject({ assignee: null, candidateGroups: ['finance'], details: { asFallback: true } });

    const thomas = await actor(org, THOMAS);
    await claimTask(deps, { taskId: task!.id, actor: thomas });
    const done = await decideTask(deps, { taskId: task!.id, actor: thomas, channel: 'inbox', decision: 'approve' });
    expect(done.variables['approved']).toBe(true);
  });

  it('given an approval waits in the finance queue, then its members are mailed together with a link to claim it, and nobody once it is claimed', async () => {
    const org = given();
    const { engine, deps } = org;
    const started = await engine.start('purchase-request', {
      variables: { amount: 1500, title: 'Offsite <venue>' },
      startedBy: CEO,
    });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    const queued = (await engine.store.listMails()).filter((mail) => mail.instanceId === started.id);
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'approval-queued', to: 'group:finance', data: { taskId: task!.id, group: 'finance' } }),
    ]);

    const context = { db: org.handle.db, baseUrl: 'http://baton.test', linkTtlHours: 24, now: new Date() };
    const rendered = await renderMail(queued[0]!, context);
    expect(rendered.to.split(', ').sort()).toEqual(['daniel.reyes@baton.example', THOMAS]);
    expect(rendered.subject).toBe('Waiting in Finance approvers: 1,500.00 USD for "Offsite <venue>" from Margaret Okafor');
    expect(rendered.text).toContain(`Open the task in Baton: http://baton.test/tasks/${task!.id}`);
    expect(rendered.html).toContain('Offsite &lt;venue&gt;');
    expect(rendered.html).not.toContain('/approve/');

    await claimTask(deps, { taskId: task!.id, actor: await actor(org, THOMAS) });
    await expect(renderMail(queued[0]!, context)).rejects.toThrow(/already claimed by thomas\.berg@baton\.example/);
  });

  it('given the fallback group has no active member, then the approval is an incident naming the group, never an approval', async () => {
    const org = given();
    const { engine, deps } = org;
    await createGroup(deps.db, { key: 'treasury', name: 'Treasury' });
    await engine.deploy(withFallback('treasury-request', 'group:treasury'));
    const empty = await engine.start('treasury-request', { variables: { amount: 1200 }, startedBy: CEO });
    expect(empty.status).toBe('active');
    expect(empty.incidents).toEqual([
      expect.objectContaining({
        elementId: 'ManagerApproval',
        type: 'APPROVAL_NO_APPROVER',
        message: expect.stringContaining('the fallback group "treasury" has no active member') as unknown,
      }),
    ]);
    expect(await engine.listTasks({ instanceId: empty.id, status: 'open' })).toEqual([]);

    // A member whose account is deactivated does not count either.
    const admin = await accountOf(org, CEO);
    const sofia = await accountOf(org, SOFIA);
    await addGroupMember(deps.db, { actor: admin, groupKey: 'treasury', userId: sofia.id });
    await deps.db.update(users).set({ active: false }).where(eq(users.id, sofia.id));
    const inactive = await engine.start('treasury-request', { variables: { amount: 1200 }, startedBy: CEO });
    expect(inactive.incidents[0]?.message).toContain('the fallback group "treasury" has no active member');

    // Once an active member is in the group, retrying the incident offers the task to the group.
    await deps.db.update(users).set({ active: true }).where(eq(users.id, sofia.id));
    const retried = await engine.retryIncident(inactive.incidents[0]!.id, { by: CEO });
    expect(retried.incidents).toEqual([]);
    const [task] = await engine.listTasks({ instanceId: inactive.id, status: 'open' });
    expect(task?.candidateGroups).toEqual(['treasury']);
    expect(await deps.db.select().from(groupMembers).where(eq(groupMembers.groupKey, 'treasury'))).toHaveLength(1);
  });

  it('given the fallback group does not exist, then the incident says so', async () => {
    const { engine } = given();
    await engine.deploy(withFallback('audit-request', 'group:auditors'));
    const started = await engine.start('audit-request', { variables: { amount: 1200 }, startedBy: CEO });
    expect(started.incidents[0]).toMatchObject({
      type: 'APPROVAL_NO_APPROVER',
      message: expect.stringContaining('the fallback group "auditors" does not exist') as unknown,
    });
    expect(started.incidents[0]?.message).toContain('has no manager');
  });

  it('given the only member of the fallback group is the requester, then nobody may decide and it is an incident', async () => {
    const org = given();
    const { engine, deps } = org;
    const admin = await accountOf(org, CEO);
    await createGroup(deps.db, { key: 'board', name: 'Board' });
    await addGroupMember(deps.db, { actor: admin, groupKey: 'board', userId: admin.id });
    await engine.deploy(withFallback('board-request', 'group:board'));
    const started = await engine.start('board-request', { variables: { amount: 1200 }, startedBy: CEO });
    expect(started.incidents[0]?.message).toContain(
      'the fallback group "board" has no active member other than the requester and those who already approved',
    );
  });
});
