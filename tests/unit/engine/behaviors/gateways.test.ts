import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { completed, fixture, openTask, textLike, trail } from '../support/given';

async function engineWith(name: string) {
  const engine = new MemoryEngine({ roundTrip: true });
  await engine.deploy(fixture(name));
  return engine;
}

describe('exclusive gateway', () => {
  it('given no condition is true and no default, then an incident says so', async () => {
    const engine = await engineWith('exclusive-gateway-without-match');
    const instance = await engine.start('noMatch', { variables: { amount: 50 } });
    expect(instance.status).toBe('active');
    expect(instance.incidents).toEqual([
      expect.objectContaining({
        elementId: 'route',
        type: 'CONDITION_ERROR',
        message: textLike('Expected at least one condition to evaluate to true, or to have a default flow'),
      }),
    ]);
  });

  it('given a condition on a missing variable, then the incident names the expression; after fixing the variable a retry continues', async () => {
    const engine = await engineWith('exclusive-gateway-without-match');
    const instance = await engine.start('noMatch');
    const [incident] = instance.incidents;
    expect(incident?.message).toMatch(/^Expected '=amount > 100' to evaluate .* but it was null.*the condition of flow 'high' of element 'route'/);
    await engine.setVariables(instance.id, { amount: 500 });
    const retried = await engine.retryIncident(incident?.id ?? '', { by: 'ops' });
    expect(retried.status).toBe('completed');
    expect(retried.incidents).toEqual([]);
    expect(await trail(engine, instance.id, ['IncidentRaised', 'IncidentResolved', 'FlowTaken'])).toEqual([
      'FlowTaken f1',
      'IncidentRaised route',
      'IncidentResolved route',
      'FlowTaken high',
    ]);
  });
});

describe('parallel gateway', () => {
  it('given a fork into three branches, the join waits for a token on every incoming flow', async () => {
    const engine = await engineWith('parallel-fork-join');
    const instance = await engine.start('parallel');
    expect(instance.activeElementIds.sort()).toEqual(['taskA', 'taskB']);
    const afterA = await engine.completeTask((await openTask(engine, instance.id, 'taskA')).id);
    expect(afterA.status).toBe('active');
    expect(afterA.activeElementIds).toEqual(['taskB']);
    const done = await engine.completeTask((await openTask(engine, instance.id, 'taskB')).id);
    expect(done.status).toBe('completed');
    expect((await completed(engine, instance.id)).filter((id) => id === 'join')).toEqual(['join']);
  });
});

describe('inclusive gateway', () => {
  it('given only one condition is true, the join fires as soon as that branch arrives', async () => {
    const engine = await engineWith('inclusive-fork-join');
    const instance = await engine.start('inclusive', { variables: { a: true, b: false } });
    expect(instance.activeElementIds).toEqual(['taskA']);
    const done = await engine.completeTask((await openTask(engine, instance.id, 'taskA')).id);
    expect(done.status).toBe('completed');
  });

  it('given no condition is true, the default flow is taken', async () => {
    const engine = await engineWith('inclusive-fork-join');
    const instance = await engine.start('inclusive', { variables: { a: false, b: false } });
    expect(instance.activeElementIds).toEqual(['taskC']);
  });

  it('given two branches, the join waits while the other token can still reach it', async () => {
    const engine = await engineWith('inclusive-fork-join');
    const instance = await engine.start('inclusive', { variables: { a: true, b: true, abort: false } });
    expect(instance.activeElementIds.sort()).toEqual(['taskA', 'taskB']);
    const afterA = await engine.completeTask((await openTask(engine, instance.id, 'taskA')).id);
    expect(afterA.status).toBe('active');
    expect(afterA.activeElementIds).toEqual(['taskB']);
    const done = await engine.completeTask((await openTask(engine, instance.id, 'taskB')).id);
    expect(done.status).toBe('completed');
    expect((await completed(engine, instance.id)).filter((id) => id === 'join')).toEqual(['join']);
  });

  it('given the other token takes a way that no longer reaches the join, the join fires without it', async () => {
    const engine = await engineWith('inclusive-fork-join');
    const instance = await engine.start('inclusive', { variables: { a: true, b: true, abort: true } });
    await engine.completeTask((await openTask(engine, instance.id, 'taskA')).id);
    expect(await completed(engine, instance.id)).not.toContain('join');
    const done = await engine.completeTask((await openTask(engine, instance.id, 'taskB')).id);
    expect(done.status).toBe('completed');
    const order = await completed(engine, instance.id);
    expect(order.indexOf('aborted')).toBeLessThan(order.indexOf('join'));
  });
});

describe('gateways in nested scopes', () => {
  it('joins count per scope: the sub-process completes when its inner join has fired, then the outer join waits for the outer task', async () => {
    const engine = await engineWith('nested-sub-process-gateways');
    const instance = await engine.start('nested', { variables: { amount: 4 } });
    expect(instance.activeElementIds.sort()).toEqual(['innerA', 'outerTask', 'sub']);
    const inner = await engine.completeTask((await openTask(engine, instance.id, 'innerA')).id);
    expect(inner.activeElementIds).toEqual(['outerTask']);
    expect(inner.variables['computed']).toBe(9);
    expect(inner.variables).not.toHaveProperty('doubled');
    const done = await engine.completeTask((await openTask(engine, instance.id, 'outerTask')).id);
    expect(done.status).toBe('completed');
    expect(await completed(engine, instance.id)).toEqual([
      'start',
      'outerFork',
      'subStart',
      'innerFork',
      'innerB',
      'innerA',
      'innerJoin',
      'subEnd',
      'sub',
      'outerTask',
      'outerJoin',
      'end',
      'nested',
    ]);
  });
});
