import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees } from '@/db/schema';
import type { OrgRow } from './org-person';

/**
 * Every person of the org chart in one query, ordered by name. Validation
 * needs the whole chart (a cycle can close anywhere), and the admin pages show
 * all of it; pass the transaction as `db` to read inside it.
 */
export async function loadOrgRows(db: Database): Promise<OrgRow[]> {
  return db
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      title: employees.title,
      managerId: employees.managerId,
      limit: employees.authorityLimit,
      active: employees.active,
      delegateId: employees.delegateId,
      delegateFrom: employees.delegateFrom,
      delegateUntil: employees.delegateUntil,
    })
    .from(employees)
    .orderBy(asc(employees.name));
}
