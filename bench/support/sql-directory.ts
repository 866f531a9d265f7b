/**
 * The Directory port over the employees table, read from the database on
 * every call (no cache), as the engine would when each approval step starts.
 * With `chainQuery`, getManagerChain answers the whole upward chain in one
 * recursive query; without it, the resolver reads person by person.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, orgChartVersion, type Employee } from '@/db/schema';
import type { Directory, Person } from '@/engine/directory';

/** A `date` column (YYYY-MM-DD) read as the first instant of that day, UTC. */
const dayStart = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00Z`));

type PersonColumns = {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  limit: number | null;
  active: boolean;
  delegateId: string | null;
  delegateFrom: string | null;
  delegateUntil: string | null;
};

function toPerson(row: PersonColumns): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    managerId: row.managerId,
    limit: row.limit === null ? null : Number(row.limit),
    active: row.active,
    delegateId: row.delegateId,
    delegateFrom: dayStart(row.delegateFrom),
    delegateUntil: dayStart(row.delegateUntil),
  };
}

const fromEmployee = (row: Employee): Person => toPerson({ ...row, limit: row.authorityLimit });

export function createSqlDirectory(db: Database, options: { chainQuery: boolean }): Directory {
  const directory: Directory = {
    async getPerson(id) {
      const [found] = await db.select().from(employees).where(eq(employees.id, id));
      return found ? fromEmployee(found) : null;
    },
    async findByEmail(email) {
      const [found] = await db.select().from(employees).where(eq(employees.email, email));
      return found ? fromEmployee(found) : null;
    },
    async version() {
      const [found] = await db
        .select({ version: orgChartVersion.version })
        .from(orgChartVersion)
        .where(eq(orgChartVersion.id, 1));
      return String(found?.version ?? 0);
    },
  };
  if (!options.chainQuery) return directory;
  return {
    ...directory,
    async getManagerChain(id) {
      // The path array stops the walk at the first person already listed, so a cycle ends it.
      // execute()'s result type depends on the driver; node-postgres and PGlite both answer { rows }.
      const result = (await db.execute(sql`
        with recursive chain as (
          select e.*, 1 as depth, array[e.id] as path from employees e where e.id = ${id}
          union all
          select e.*, c.depth + 1, c.path || e.id
          from chain c join employees e on e.id = c.manager_id
          where not e.id = any(c.path)
        )
        select id, name, email, manager_id as "managerId", authority_limit::float8 as "limit", active,
               delegate_id as "delegateId", delegate_from::text as "delegateFrom", delegate_until::text as "delegateUntil", depth
        from chain order by depth`)) as { rows: PersonColumns[] };
      return result.rows.map(toPerson);
    },
  };
}
