import { expect, it } from 'vitest';
import { DeploymentRejected } from '@/engine/api';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('deploying versions', (given) => {
  it('stores a new version per process id, and instances stay on the version they started with', async () => {
    const { engine } = given();
    // Given version 1 and an instance of it
    const v1 = await engine.deploy(fixture('review-by-user.bpmn'), { deployedBy: 'dora' });
    const onV1 = await engine.start('review-order', { variables: { reviewer: 'bob' } });

    // When version 2 is deployed and another instance starts
    const v2 = await engine.deploy(fixture('review-by-user-v2.bpmn'));
    const onV2 = await engine.start('review-order');

    // Then each instance runs its own version
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1).toMatchObject({
      processId: 'review-order',
      name: 'Review order',
      deployedBy: 'dora',
    });
    expect(onV1).toMatchObject({ definitionVersion: 1, activeElementIds: ['review'] });
    expect(onV2).toMatchObject({ definitionVersion: 2, activeElementIds: ['approve'] });

    const [taskV1] = await engine.listTasks({ instanceId: onV1.id });
    const finished = await engine.completeTask(taskV1!.id, {}, 'bob');
    expect(finished).toMatchObject({ status: 'completed', definitionVersion: 1 });

    const pinned = await engine.start('review-order', {
      version: 1,
      variables: { reviewer: 'carl' },
    });
    expect(pinned).toMatchObject({ definitionVersion: 1, activeElementIds: ['review'] });
  });

  it('answers a redeployment of the unchanged latest diagram with that version', async () => {
    const { engine } = given();
    const again = await engine.deploy(fixture('review-by-user-v2.bpmn'));
    expect(again.version).toBe(2);
  });

  it('refuses an invalid diagram with every problem, and stores nothing', async () => {
    const { engine, store } = given();
    const refused = await engine
      .deploy(fixture('invalid-service-and-gateway.bpmn'))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeploymentRejected);
    const problems = (refused as DeploymentRejected).problems;
    expect(problems.map((p) => p.elementId)).toEqual(expect.arrayContaining(['untyped', 'a', 'b']));
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(await store.findDefinition('broken')).toBeNull();
  });

  it('refuses malformed XML with line and column', async () => {
    const { engine } = given();
    const refused = (await engine
      .deploy('<bpmn:definitions>\n  <oops>\n</bpmn:definitions>')
      .catch((e: unknown) => e)) as DeploymentRejected;
    expect(refused).toBeInstanceOf(DeploymentRejected);
    expect(refused.problems[0]).toMatchObject({
      line: expect.any(Number) as number,
      column: expect.any(Number) as number,
    });
  });

  it('rejects starting a process that is not deployed', async () => {
    const { engine } = given();
    await expect(engine.start('nowhere')).rejects.toMatchObject({
      name: 'CommandRejected',
      code: 'NOT_FOUND',
    });
    await expect(engine.start('review-order', { version: 9 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
