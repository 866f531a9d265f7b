import { expect, it } from 'vitest';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('call activity', (given) => {
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

  it('rejects the command when the called process is not deployed, and stores nothing', async () => {
    const { engine, store } = given();
    await engine.deploy(
      fixture('call-child.bpmn')
        .replace('child-process', 'missing-process')
        .replace('parent-process', 'orphan-parent'),
    );
    await expect(engine.start('orphan-parent')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await store.listInstances({ processId: 'orphan-parent' })).toEqual([]);
  });
});
