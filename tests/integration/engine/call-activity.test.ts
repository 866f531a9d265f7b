import { expect, it } from 'vitest';
import type { RunningEngine } from '@/engine/engine';
import type { Variables } from '@/engine';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('call activity', (given) => {
  /** Deploys the diagram, starts its process and returns the called child with the job it waits at. */
  async function startedWithChildJob(file: string, processId: string, variables?: Variables) {
    const { engine, store } = given();
    await engine.deploy(fixture(file));
    const parent = await engine.start(processId, variables ? { variables } : undefined);
    const [child] = await store.listInstances({ parentInstanceId: parent.id });
    const [job] = await engine.listJobs({ instanceId: child!.id });
    return { engine, parent, child: child!, job: job! };
  }

  it('starts the child instance in the same command and completes the parent when the child completes', async () => {
    const { engine, store } = given();
    await engine.deploy(fixture('child-with-task.bpmn'));
    await engine.deploy(fixture('call-child.bpmn'));

    // Given a parent waiting for its child
    const parent = await engine.start('parent-process', {
      variables: { orderId: 'o-1' },
      startedBy: 'ann',
    });
    expect(parent).toMatchObject({ status: 'active', activeElementIds: ['call'] });
    const [child] = await store.listInstances({ parentInstanceId: parent.id });
    expect(child).toMatchObject({ processId: 'child-process', status: 'active', startedBy: 'ann' });
    expect(child!.state.parent?.instanceId).toBe(parent.id);
    expect(child!.state.variables[child!.id]).toMatchObject({ orderId: 'o-1' });

    // When the child's task is completed
    const [task] = await engine.listTasks({ instanceId: child!.id });
    const childDone = await engine.completeTask(task!.id, { result: 'done' }, 'bob');

    // Then the child and the parent complete, with the child's variables propagated
    expect(childDone.status).toBe('completed');
    expect(await engine.getInstance(parent.id)).toMatchObject({
      status: 'completed',
      variables: { orderId: 'o-1', result: 'done' },
    });
    const parentHistory = (await engine.history(parent.id)).map(
      (event) => `${event.type}:${event.elementId ?? ''}`,
    );
    expect(parentHistory).toContain('ElementCompleted:call');
  });

  it('cancels the child with the parent', async () => {
    const { engine, store } = given();
    const parent = await engine.start('parent-process');
    const [child] = await store.listInstances({ parentInstanceId: parent.id });
    await engine.cancelInstance(parent.id, { by: 'ops' });
    expect((await engine.getInstance(child!.id))?.status).toBe('terminated');
    expect(await engine.listTasks({ instanceId: child!.id })).toMatchObject([
      { status: 'cancelled' },
    ]);
  });

  it('given an error end event in the child, when a boundary on the call activity matches its code, then the child is terminated and the parent takes the boundary path', async () => {
    // Given a parent whose child scores the customer before ending in an error end event
    const { engine, parent, child, job } = await startedWithChildJob(
      'call-activity-error-caught-by-boundary.bpmn',
      'order-with-credit-check',
      { customer: 'c-7' },
    );

    // When the job completes and the child reaches its error end event
    await engine.completeJob(job.id, { score: 12 });

    // Then the error ends the child and the parent carries on after the boundary event
    expect(await engine.getInstance(child.id)).toMatchObject({
      status: 'terminated',
      activeElementIds: [],
    });
    expect(await engine.getInstance(parent.id)).toMatchObject({
      status: 'active',
      activeElementIds: ['notify-customer'],
      incidents: [],
    });
    expect(await engine.listTasks({ instanceId: parent.id })).toMatchObject([
      { elementId: 'notify-customer', status: 'open' },
    ]);
    expect(await trail(engine, child.id)).toEqual(
      expect.arrayContaining([
        'ErrorThrown:too-risky',
        'InstanceCancelled:credit-check',
        'ElementTerminated:too-risky',
        'InstanceTerminated:credit-check',
      ]),
    );
    const parentTrail = await trail(engine, parent.id);
    expect(
      inOrder(parentTrail, [
        'ErrorThrown:call-check',
        'ElementTerminated:call-check',
        'ElementActivated:credit-rejected',
        'ElementActivated:notify-customer',
      ]),
    ).toBe(true);
    expect(parentTrail).not.toContain('ElementCompleted:call-check');
    expect(parentTrail).not.toContain('IncidentRaised:call-check');
    expect(
      (await engine.history(parent.id)).find((event) => event.type === 'ErrorThrown')?.data,
    ).toMatchObject({
      errorCode: 'CREDIT_REJECTED',
      thrownIn: child.id,
    });
    expect(await engine.listIncidents()).not.toContainEqual(
      expect.objectContaining({ instanceId: child.id }),
    );
  });

  it('given a job in the child throwing an error with variables, when the boundary on the call activity catches it, then the variables reach the parent and the job counts as done', async () => {
    const { engine, parent, child, job } = await startedWithChildJob(
      'call-activity-error-caught-by-boundary.bpmn',
      'order-with-credit-check',
    );

    const after = await engine.throwError(job.id, {
      errorCode: 'CREDIT_REJECTED',
      errorMessage: 'score below 20',
      variables: { rejection: 'score below 20' },
    });

    expect(after).toMatchObject({ status: 'terminated' });
    expect(await engine.getInstance(parent.id)).toMatchObject({
      activeElementIds: ['notify-customer'],
      variables: { rejection: 'score below 20' },
    });
    expect((await engine.listJobs({ instanceId: child.id }))[0]?.status).toBe('completed');
  });

  it('given an error no boundary matches and nothing else catches, then it is an incident on the thrower in the child, both instances stay active, and a retry lets the child finish', async () => {
    const { engine, parent, child, job } = await startedWithChildJob(
      'call-activity-error-uncaught.bpmn',
      'audited-payment',
    );

    // When the child's job throws an error whose code the boundary on the call activity does not name
    await engine.throwError(job.id, {
      errorCode: 'AUDIT_REJECTED',
      errorMessage: 'ledger closed',
    });

    // Then the thrower in the child has the incident; the parent still waits at the call activity
    const incidents = await engine.listIncidents();
    const [incident] = incidents.filter((candidate) => candidate.instanceId === child.id);
    expect(incident).toMatchObject({
      elementId: 'audit',
      type: 'UNHANDLED_ERROR_EVENT',
      message:
        "Expected an error catch event for error code 'AUDIT_REJECTED' thrown by job of 'audit' (ledger closed), but none was found in the enclosing scopes",
    });
    expect(incidents.filter((candidate) => candidate.instanceId === parent.id)).toEqual([]);
    expect(await engine.getInstance(child.id)).toMatchObject({
      status: 'active',
      activeElementIds: ['audit'],
    });
    expect(await engine.getInstance(parent.id)).toMatchObject({
      status: 'active',
      activeElementIds: ['call-audit'],
      incidents: [],
    });
    expect(await engine.listJobs({ instanceId: child.id })).toMatchObject([
      { status: 'failed', retries: 0 },
    ]);
    expect(await trail(engine, parent.id)).toContain('ErrorThrown:call-audit');
    expect(await trail(engine, parent.id)).not.toContain('ElementTerminated:call-audit');
    expect(
      inOrder(await trail(engine, child.id), ['ErrorThrown:audit', 'IncidentRaised:audit']),
    ).toBe(true);

    // When the incident is retried and the job then completes
    await engine.retryIncident(incident!.id, { by: 'ops' });
    const [retried] = await engine.listJobs({ instanceId: child.id, status: 'activatable' });
    await engine.completeJob(retried!.id);

    // Then the child and the parent complete as usual
    expect((await engine.getInstance(child.id))?.status).toBe('completed');
    expect(await engine.getInstance(parent.id)).toMatchObject({
      status: 'completed',
      incidents: [],
    });
    expect(await trail(engine, parent.id)).toContain('ElementCompleted:paid');
  });

  it('given an error two call activities down, when only the outermost call activity catches its code, then every called instance below is terminated', async () => {
    const { engine, store } = given();
    await engine.deploy(fixture('call-activity-error-caught-two-levels-up.bpmn'));
    const top = await engine.start('purchase');
    const [middle] = await store.listInstances({ parentInstanceId: top.id });
    const [bottom] = await store.listInstances({ parentInstanceId: middle!.id });
    const [task] = await engine.listTasks({ instanceId: bottom!.id });

    // When the grandchild ends in an error the middle instance's boundary does not name
    await engine.completeTask(task!.id, undefined, 'sam');

    // Then the top instance catches it, and the instances below end as terminated
    expect(await engine.getInstance(top.id)).toMatchObject({
      status: 'active',
      activeElementIds: ['find-supplier'],
    });
    expect((await engine.getInstance(middle!.id))?.status).toBe('terminated');
    expect((await engine.getInstance(bottom!.id))?.status).toBe('terminated');
    expect(await trail(engine, bottom!.id)).toEqual(
      expect.arrayContaining(['ErrorThrown:supplier-closed', 'InstanceTerminated:supplier-order']),
    );
    const middleTrail = await trail(engine, middle!.id);
    expect(
      inOrder(middleTrail, [
        'ErrorThrown:call-supplier',
        'InstanceCancelled:sourcing',
        'ElementTerminated:call-supplier',
        'InstanceTerminated:sourcing',
      ]),
    ).toBe(true);
    expect(middleTrail).not.toContain('ElementActivated:out-of-stock');
    expect(
      inOrder(await trail(engine, top.id), [
        'ErrorThrown:call-sourcing',
        'ElementTerminated:call-sourcing',
        'ElementActivated:supplier-gone',
      ]),
    ).toBe(true);
    const open = await engine.listIncidents();
    expect(
      open.filter((incident) => [top.id, middle!.id, bottom!.id].includes(incident.instanceId)),
    ).toEqual([]);
  });

  it('given a called process that is not deployed, then the parent starts with an incident on the call activity, and once it is deployed a retry starts the child', async () => {
    const { engine, store } = given();
    await engine.deploy(fixture('call-activity-process-not-deployed.bpmn'));

    // When the parent starts
    const parent = await engine.start('onboarding', { variables: { employee: 'kim' } });

    // Then the call activity waits with an incident, and there is no child
    expect(parent).toMatchObject({
      status: 'active',
      activeElementIds: ['call-equipment'],
      incidents: [
        {
          elementId: 'call-equipment',
          type: 'CALLED_ELEMENT_ERROR',
          message:
            "Expected process 'equipment-order' to be deployed for call activity 'call-equipment', but it is not",
        },
      ],
    });
    expect(await store.listInstances({ parentInstanceId: parent.id })).toEqual([]);
    expect(await trail(engine, parent.id)).toContain('IncidentRaised:call-equipment');

    // When the process is deployed and the incident retried
    await engine.deploy(fixture('equipment-order.bpmn'));
    const retried = await engine.retryIncident(parent.incidents[0]!.id, { by: 'ops' });

    // Then the child runs and the incident is resolved
    expect(retried).toMatchObject({
      status: 'active',
      activeElementIds: ['call-equipment'],
      incidents: [],
    });
    const [child] = await store.listInstances({ parentInstanceId: parent.id });
    expect(child).toMatchObject({ processId: 'equipment-order', status: 'active' });
    expect(child!.state.variables[child!.id]).toMatchObject({ employee: 'kim' });
    expect(await engine.listIncidents({ instanceId: parent.id })).toEqual([]);
    expect(await trail(engine, parent.id)).toContain('IncidentResolved:call-equipment');

    const [task] = await engine.listTasks({ instanceId: child!.id });
    await engine.completeTask(task!.id, { laptop: 'x1' }, 'kim');
    expect(await engine.getInstance(parent.id)).toMatchObject({
      status: 'completed',
      variables: { laptop: 'x1' },
    });
  });
});

/** The history as 'Type:elementId' lines, in order. */
async function trail(engine: RunningEngine, instanceId: string): Promise<string[]> {
  return (await engine.history(instanceId)).map(
    (event) => `${event.type}:${event.elementId ?? ''}`,
  );
}

/** Whether the lines occur in this order (not necessarily next to each other). */
function inOrder(lines: string[], expected: string[]): boolean {
  let at = 0;
  for (const line of lines) if (line === expected[at]) at += 1;
  return at === expected.length;
}
