import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { employees, orgChartVersion, users } from '@/db/schema';
import { DEMO_ORG_CHART, seed } from '@/db/seed';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { verifyPassword } from '@/lib/auth/password';
import { freshDatabase } from '../support/database';

async function snapshot(handle: DatabaseHandle) {
  return {
    employees: await handle.db.select().from(employees).orderBy(asc(employees.email)),
    users: await handle.db.select().from(users).orderBy(asc(users.email)),
    version: await handle.db.select().from(orgChartVersion),
  };
}

describe('seeding the demo data', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
    await seed(handle.db, { currency: 'USD', demoPassword: 'demo-password' });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('creates an org chart of five levels with the authority limits in cents', async () => {
    const people = await handle.db.select().from(employees);
    expect(people).toHaveLength(DEMO_ORG_CHART.length);
    const byId = new Map(people.map((p) => [p.id, p]));
    const depth = (id: string | null): number =>
      id ? 1 + depth(byId.get(id)?.managerId ?? null) : 0;
    expect(Math.max(...people.map((p) => depth(p.id)))).toBe(5);

    const limitOf = (email: string) => people.find((p) => p.email === email)?.authorityLimit;
    expect(limitOf('margaret.okafor@baton.example')).toBeNull();
    expect(limitOf('daniel.reyes@baton.example')).toBe(25_000_000);
    expect(limitOf('thomas.berg@baton.example')).toBe(5_000_000);
    expect(limitOf('sofia.marino@baton.example')).toBe(500_000);
    expect(limitOf('sam.patel@baton.example')).toBe(10_000);
    expect(people.every((p) => p.currency === 'USD' && p.active)).toBe(true);
  });

  it('gives every demo account its org-chart person and the demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await handle.db
        .select({ user: users, employee: employees })
        .from(users)
        .innerJoin(employees, eq(users.employeeId, employees.id))
        .where(eq(users.email, account.email));
      expect(row?.user.role).toBe(account.role);
      expect(row?.employee.email).toBe(account.email);
      expect(await verifyPassword('demo-password', row?.user.passwordHash ?? '')).toBe(true);
    }
  });

  it('changes nothing when it runs again', async () => {
    const before = await snapshot(handle);
    await seed(handle.db, { currency: 'USD', demoPassword: 'another-password' });
    expect(await snapshot(handle)).toEqual(before);
  });

  it('keeps edits made after the first run', async () => {
    await handle.db
      .update(employees)
      .set({ authorityLimit: 750_000 })
      .where(eq(employees.email, 'sofia.marino@baton.example'));
    await seed(handle.db, { currency: 'USD', demoPassword: 'demo-password' });
    const [sofia] = await handle.db
      .select()
      .from(employees)
      .where(eq(employees.email, 'sofia.marino@baton.example'));
    expect(sofia?.authorityLimit).toBe(750_000);
  });
});
