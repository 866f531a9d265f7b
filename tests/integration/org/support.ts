import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { employees, orgChartVersion, users } from '@/db/schema';
import { seed } from '@/db/seed';
import { limitToText } from '@/lib/org/limit-text';
import type { OrgRow, PersonInput } from '@/lib/org/org-person';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { freshDatabase } from '../support/database';

export const CURRENCY = 'USD';

/** A fresh database with the demo org chart and accounts; the admin is Margaret Okafor, the CEO. */
export async function demoOrg(): Promise<DatabaseHandle> {
  const handle = await freshDatabase();
  await seed(handle.db, { currency: CURRENCY, demoPassword: 'baton-demo-test' });
  return handle;
}

export async function person(handle: DatabaseHandle, name: string): Promise<OrgRow> {
  const row = (await loadOrgRows(handle.db)).find((candidate) => candidate.name === name);
  if (!row) throw new Error(`${name} is not in the demo org chart.`);
  return row;
}

export async function adminActor(handle: DatabaseHandle) {
  const [admin] = await handle.db
    .select({ id: users.id, name: users.name, employeeId: users.employeeId })
    .from(users)
    .where(eq(users.email, 'margaret.okafor@baton.example'));
  if (!admin) throw new Error('The demo admin is missing.');
  return admin;
}

export async function orgVersion(handle: DatabaseHandle): Promise<number> {
  const [row] = await handle.db.select().from(orgChartVersion);
  return row?.version ?? 0;
}

/** The form's values for a person as they are, to change one field at a time. */
export function asInput(row: OrgRow, change: Partial<PersonInput> = {}): PersonInput {
  return {
    name: row.name,
    email: row.email,
    title: row.title,
    managerId: row.managerId,
    limit: limitToText(row.limit, CURRENCY),
    active: row.active,
    delegateId: row.delegateId,
    delegateFrom: row.delegateFrom,
    delegateUntil: row.delegateUntil,
    ...change,
  };
}

export async function limitOf(handle: DatabaseHandle, id: string): Promise<number | null> {
  const [row] = await handle.db.select({ limit: employees.authorityLimit }).from(employees).where(eq(employees.id, id));
  return row?.limit ?? null;
}
