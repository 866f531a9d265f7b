import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { authorityChanges } from '@/db/schema';
import { AppError } from '@/lib/action';
import { addEmployee } from '@/lib/org/add-employee';
import { updateEmployee } from '@/lib/org/update-employee';
import { adminActor, asInput, CURRENCY, demoOrg, limitOf, orgVersion, person } from './support';

describe('editing the org chart', () => {
  let handle: DatabaseHandle;
  let actor: Awaited<ReturnType<typeof adminActor>>;
  const deps = () => ({ db: handle.db, currency: CURRENCY });

  beforeAll(async () => {
    handle = await demoOrg();
    actor = await adminActor(handle);
  }, 60_000);
  afterAll(() => handle.close());

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('writes one audit row per changed field and increments the org-chart version, together', async () => {
    const sofia = await person(handle, 'Sofia Marino');
    const version = await orgVersion(handle);

    const result = await updateEmployee(deps(), {
      actor,
      id: sofia.id,
      person: asInput(sofia, { limit: '7500', title: 'Senior Purchasing Manager' }),
      reason: 'Promotion',
    });

    expect(result.changes).toEqual([
      { field: 'title', from: 'Purchasing Manager', to: 'Senior Purchasing Manager' },
      { field: 'limit', from: '5,000.00 USD', to: '7,500.00 USD' },
    ]);
    expect(result.version).toBe(version + 1);
    expect(await orgVersion(handle)).toBe(version + 1);
    expect(await limitOf(handle, sofia.id)).toBe(750_000);
    const audit = await handle.db.select().from(authorityChanges).where(eq(authorityChanges.employeeId, sofia.id));
    expect(audit.map(({ field, oldValue, newValue, reason, changedBy, changedByName }) => ({ field, oldValue, newValue, reason, changedBy, changedByName }))).toEqual(
      expect.arrayContaining([
        { field: 'limit', oldValue: '5,000.00 USD', newValue: '7,500.00 USD', reason: 'Promotion', changedBy: actor.id, changedByName: 'Margaret Okafor' },
        { field: 'title', oldValue: 'Purchasing Manager', newValue: 'Senior Purchasing Manager', reason: 'Promotion', changedBy: actor.id, changedByName: 'Margaret Okafor' },
      ]),
    );
    expect(audit).toHaveLength(2);
  });

  it('refuses a manager cycle, naming the manager field, and changes nothing', async () => {
    const thomas = await person(handle, 'Thomas Berg');
    const sam = await person(handle, 'Sam Patel');
    const version = await orgVersion(handle);

    const error = await refusal(
      updateEmployee(deps(), { actor, id: thomas.id, person: asInput(thomas, { managerId: sam.id }), reason: 'Reorg' }),
    );

    expect(error.field).toBe('manager');
    expect(error.message).toBe(
      'Thomas Berg cannot report to Sam Patel: that makes a manager cycle (Thomas Berg → Sam Patel → Sofia Marino → Thomas Berg, each followed by their manager), and approvals could never reach the top.',
    );
    expect((await person(handle, 'Thomas Berg')).managerId).toBe(thomas.managerId);
    expect(await orgVersion(handle)).toBe(version);
  });

  it('refuses an admin changing their own authority limit', async () => {
    const margaret = await person(handle, 'Margaret Okafor');
    const priya = await person(handle, 'Priya Raman');
    // Someone else with unlimited authority, so the only rule in the way is the admin's own.
    await updateEmployee(deps(), { actor, id: priya.id, person: asInput(priya, { limit: 'unlimited' }), reason: 'CFO' });

    const error = await refusal(
      updateEmployee(deps(), { actor, id: margaret.id, person: asInput(margaret, { limit: '1000000' }), reason: 'Test' }),
    );

    expect(error.code).toBe('forbidden');
    expect(error.field).toBe('limit');
    expect(await limitOf(handle, margaret.id)).toBeNull();
    await updateEmployee(deps(), { actor, id: priya.id, person: asInput(priya), reason: 'Back to VP limit' });
  });

  it('refuses to limit the last active person with unlimited authority', async () => {
    const margaret = await person(handle, 'Margaret Okafor');
    const other = { id: '00000000-0000-4000-8000-000000000001', name: 'Another Admin', employeeId: null };

    const limited = await refusal(
      updateEmployee(deps(), { actor: other, id: margaret.id, person: asInput(margaret, { limit: '250000' }), reason: 'Test' }),
    );
    const deactivated = await refusal(
      updateEmployee(deps(), { actor: other, id: margaret.id, person: asInput(margaret, { active: false }), reason: 'Test' }),
    );

    expect([limited.field, limited.message]).toEqual(['limit', expect.stringContaining('last active person with unlimited authority')]);
    expect(deactivated.field).toBe('active');
    expect(await limitOf(handle, margaret.id)).toBeNull();
  });

  it('refuses an inactive or unknown manager, a negative limit, and a limit change without a reason', async () => {
    const sam = await person(handle, 'Sam Patel');
    const grace = await person(handle, 'Grace Mensah');
    await updateEmployee(deps(), { actor, id: grace.id, person: asInput(grace, { active: false }), reason: '' });

    const inactive = await refusal(updateEmployee(deps(), { actor, id: sam.id, person: asInput(sam, { managerId: grace.id }), reason: 'x' }));
    const unknown = await refusal(
      updateEmployee(deps(), { actor, id: sam.id, person: asInput(sam, { managerId: '00000000-0000-4000-8000-000000000002' }), reason: 'x' }),
    );
    const negative = await refusal(updateEmployee(deps(), { actor, id: sam.id, person: asInput(sam, { limit: '-5' }), reason: 'x' }));
    const decimals = await refusal(updateEmployee(deps(), { actor, id: sam.id, person: asInput(sam, { limit: '10.001' }), reason: 'x' }));
    const noReason = await refusal(updateEmployee(deps(), { actor, id: sam.id, person: asInput(sam, { limit: '200' }), reason: ' ' }));

    expect(inactive).toMatchObject({ field: 'manager', message: 'Grace Mensah is inactive and cannot be a manager.' });
    expect(unknown).toMatchObject({ field: 'manager', message: 'The manager chosen is not in the org chart.' });
    expect(negative.field).toBe('limit');
    expect(decimals.field).toBe('limit');
    expect(noReason.field).toBe('reason');
  });

  it('adds a person, audited field by field', async () => {
    const sofia = await person(handle, 'Sofia Marino');
    const version = await orgVersion(handle);

    const { id } = await addEmployee(deps(), {
      actor,
      person: {
        name: 'Lena Park',
        email: 'Lena.Park@baton.example',
        title: 'Buyer',
        managerId: sofia.id,
        limit: '250',
        active: true,
        delegateId: null,
        delegateFrom: null,
        delegateUntil: null,
      },
      reason: 'New hire',
    });

    const lena = await person(handle, 'Lena Park');
    expect(lena).toMatchObject({ id, email: 'lena.park@baton.example', managerId: sofia.id, limit: 25_000 });
    expect(await orgVersion(handle)).toBe(version + 1);
    const fields = (await handle.db.select().from(authorityChanges).where(eq(authorityChanges.employeeId, id))).map((row) => row.field);
    expect(fields.sort()).toEqual(['active', 'email', 'limit', 'manager', 'name', 'title']);
  });
});
