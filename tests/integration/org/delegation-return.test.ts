import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { employees } from '@/db/schema';
import { createEngine, type RunningEngine, type TaskView } from '@/engine';
import { engineOptions } from '@/lib/engine';
import { returnDelegatedTasks } from '@/lib/org/return-delegated-tasks';
import { startDelegationSweep } from '@/lib/org/start-delegation-sweep';
import { updateEmployee } from '@/lib/org/update-employee';
import { adminActor, asInput, CURRENCY, demoOrg, person } from './support';

const demo = readFileSync(path.resolve(import.meta.dirname, '../../../db/demo/purchase-request.bpmn'), 'utf8');

const SAM = 'sam.patel@baton.example';
const SOFIA = 'sofia.marino@baton.example';
const GRACE = 'grace.mensah@baton.example';
const DAY_MS = 24 * 60 * 60 * 1000;
const day = (at: Date) => at.toISOString().slice(0, 10);

describe('a delegation that ends gives its open approval tasks back', () => {
  let handle: DatabaseHandle;
  let engine: RunningEngine;

  beforeAll(async () => {
    handle = await demoOrg();
    engine = createEngine(engineOptions(handle.db));
    await engine.deploy(demo);
  }, 60_000);
  afterAll(() => handle.close());

  const deps = () => ({ db: handle.db, currency: CURRENCY, engine });

  /** Sofia Marino (limit 5,000) delegates to Grace Mensah over the days given. */
  async function sofiaDelegatesToGrace(from: string | null, until: string | null) {
    const sofia = await person(handle, 'Sofia Marino');
    const grace = await person(handle, 'Grace Mensah');
    await updateEmployee(deps(), {
      actor: await adminActor(handle),
      id: sofia.id,
      person: asInput(sofia, { delegateId: grace.id, delegateFrom: from, delegateUntil: until }),
      reason: 'Holiday',
    });
  }

  /** Sam asks for 1,200.00: Sofia's step, which her delegate takes while the delegation is in effect. */
  async function requestOnGracesDesk(): Promise<TaskView> {
    const started = await engine.start('purchase-request', { variables: { amount: 1200, title: 'Desk chairs' }, startedBy: SAM });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(task).toMatchObject({ assignee: GRACE, details: { onBehalfOf: SOFIA, onBehalfOfName: 'Sofia Marino' } });
    return task!;
  }

  it('given the admin clears the delegate, then the open task goes back to the delegator, in the history, and she decides it', async () => {
    const today = new Date();
    await sofiaDelegatesToGrace(day(today), day(new Date(today.getTime() + 7 * DAY_MS)));
    const delegated = await requestOnGracesDesk();

    const sofia = await person(handle, 'Sofia Marino');
    const result = await updateEmployee(deps(), {
      actor: await adminActor(handle),
      id: sofia.id,
      person: asInput(sofia, { delegateId: null, delegateFrom: null, delegateUntil: null }),
      reason: 'Back early',
    });
    expect(result.returned).toEqual([
      { taskId: delegated.id, instanceId: delegated.instanceId, from: GRACE, to: SOFIA },
    ]);

    const back = await engine.getTask(delegated.id);
    expect(back).toMatchObject({ status: 'open', assignee: SOFIA, details: { onBehalfOf: null, step: 1 } });
    expect(back?.details['delegatedBy']).toBeUndefined();
    const assigned = (await engine.history(delegated.instanceId)).filter((event) => event.type === 'TaskAssigned');
    expect(assigned).toEqual([
      expect.objectContaining({
        by: SOFIA,
        data: expect.objectContaining({ taskId: delegated.id, from: GRACE, to: SOFIA, action: 'reassign' }) as unknown,
      }),
    ]);

    // Grace no longer may decide it; Sofia decides her own step, with her own authority.
    await expect(engine.completeTask(delegated.id, { approved: true }, GRACE)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const done = await engine.completeTask(delegated.id, { approved: true }, SOFIA, { channel: 'inbox' });
    expect(done).toMatchObject({ status: 'completed', variables: { approved: true } });
    expect(done.variables['approvals']).toEqual([expect.objectContaining({ approver: SOFIA, onBehalfOf: null, final: true })]);
  });

  it('given an edit that leaves the delegation in effect, then the delegate keeps the task', async () => {
    const today = new Date();
    await sofiaDelegatesToGrace(day(today), day(new Date(today.getTime() + 7 * DAY_MS)));
    const delegated = await requestOnGracesDesk();

    const sofia = await person(handle, 'Sofia Marino');
    const longer = await updateEmployee(deps(), {
      actor: await adminActor(handle),
      id: sofia.id,
      person: asInput(sofia, { delegateUntil: day(new Date(today.getTime() + 14 * DAY_MS)) }),
      reason: 'Longer holiday',
    });
    expect(longer.returned).toEqual([]);
    expect((await engine.getTask(delegated.id))?.assignee).toBe(GRACE);
    await engine.completeTask(delegated.id, { approved: true }, GRACE, { channel: 'inbox' });
  });

  it('given the last day of the delegation has passed, then the sweep gives the task back once', async () => {
    const today = new Date();
    await sofiaDelegatesToGrace(day(today), day(today));
    const delegated = await requestOnGracesDesk();

    expect(await returnDelegatedTasks({ db: handle.db, engine }, { now: today })).toEqual([]);
    const tomorrow = new Date(today.getTime() + DAY_MS);
    const swept = await returnDelegatedTasks({ db: handle.db, engine }, { now: tomorrow });
    expect(swept).toEqual([{ taskId: delegated.id, instanceId: delegated.instanceId, from: GRACE, to: SOFIA }]);
    expect(await returnDelegatedTasks({ db: handle.db, engine }, { now: tomorrow })).toEqual([]);

    expect(await engine.getTask(delegated.id)).toMatchObject({ status: 'open', assignee: SOFIA });
  });

  it('given the worker’s sweep runs, then a task whose delegation ran out while it waited goes back without anyone editing', async () => {
    const today = new Date();
    await sofiaDelegatesToGrace(day(today), day(today));
    const delegated = await requestOnGracesDesk();
    // Days pass: the delegation's last day is now behind us.
    const yesterday = day(new Date(today.getTime() - DAY_MS));
    const sofia = await person(handle, 'Sofia Marino');
    await handle.db.update(employees).set({ delegateFrom: yesterday, delegateUntil: yesterday }).where(eq(employees.id, sofia.id));

    const sweep = startDelegationSweep({ db: handle.db, engine, intervalMs: 50 });
    try {
      await vi.waitFor(async () => expect((await engine.getTask(delegated.id))?.assignee).toBe(SOFIA), { timeout: 5_000, interval: 50 });
    } finally {
      sweep.stop();
    }
  });
});
