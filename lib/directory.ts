import { sql, type SQL } from 'drizzle-orm';
import type { Directory, ExchangeRate, Person } from '@/engine/authority';
import type { AnyPgDatabase } from '@/engine';

/**
 * The engine's Directory port over the app's org chart (the employees table).
 * Every read is one query, and the whole manager chain is one recursive
 * query, so resolving an approver costs a round trip or two whatever the
 * depth of the chart. Group queues are answered from the accounts: their
 * memberships, and their role. Pass the engine's transaction as `db` to read in it.
 */
export function createDirectory(db: AnyPgDatabase): Directory {
  return {
    async getPerson(id) {
      if (!UUID.test(id)) return null;
      const [row] = await people(db, sql`where e.id = ${id}::uuid`);
      return row ?? null;
    },
    async findByEmail(email) {
      const [row] = await people(db, sql`where lower(e.email) = lower(${email.trim()})`);
      return row ?? null;
    },
    async version() {
      const result = await db.execute<{ version: string }>(
        sql`select version::text as version from org_chart_version where id = 1`,
      );
      return rowsOf<{ version: string }>(result)[0]?.version ?? '0';
    },
    async groupMembers(group) {
      // A role is a group without member rows: every active account holding it is in it.
      const result = await db.execute<{ known: boolean; email: string | null }>(
        sql`select true as known, u.email
            from users u
            where u.active and (
              u.role::text = ${group}
              or exists (select 1 from group_members gm where gm.group_key = ${group} and gm.user_id = u.id)
            )
            union all
            select exists (select 1 from groups g where g.key = ${group})
                or ${group} = any(enum_range(null::user_role)::text[]), null`,
      );
      const rows = rowsOf<{ known: boolean; email: string | null }>(result);
      if (!rows.some((row) => row.known)) return null;
      return rows.flatMap((row) => (row.email === null ? [] : [row.email]));
    },
    async getManagerChain(id) {
      if (!UUID.test(id)) return [];
      // The walk stops before the first person it reaches twice, so a cycle ends it.
      return people(
        db,
        sql`join (
          with recursive chain(id, manager_id, depth, path) as (
            select id, manager_id, 0, array[id] from employees where id = ${id}::uuid
            union all
            select m.id, m.manager_id, c.depth + 1, c.path || m.id
            from chain c join employees m on m.id = c.manager_id
            where not m.id = any(c.path)
          )
          select id, depth from chain
        ) c on c.id = e.id
        order by c.depth`,
      );
    },
  };
}

/**
 * The rate into the company currency that applies on the day of `at`: the
 * latest one valid on or before that day (UTC).
 */
export function createExchangeRateLookup(
  db: AnyPgDatabase,
): (currency: string, at: Date) => Promise<ExchangeRate | null> {
  return async (currency, at) => {
    const day = at.toISOString().slice(0, 10);
    const result = await db.execute<{ rate: string; valid_on: string }>(
      sql`select rate::text as rate, to_char(valid_on, 'YYYY-MM-DD') as valid_on
          from exchange_rates
          where currency = ${currency.toUpperCase()} and valid_on <= ${day}::date
          order by valid_on desc
          limit 1`,
    );
    const row = rowsOf<{ rate: string; valid_on: string }>(result)[0];
    return row ? { rate: row.rate, date: row.valid_on } : null;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

type EmployeeRow = {
  id: string;
  name: string;
  email: string;
  manager_id: string | null;
  authority_limit: string | null;
  active: boolean;
  delegate_id: string | null;
  delegate_from: string | null;
  delegate_until: string | null;
};

async function people(db: AnyPgDatabase, rest: SQL): Promise<Person[]> {
  const result = await db.execute<EmployeeRow>(
    sql`select e.id::text as id, e.name, e.email, e.manager_id::text as manager_id,
          e.authority_limit::text as authority_limit, e.active, e.delegate_id::text as delegate_id,
          to_char(e.delegate_from, 'YYYY-MM-DD') as delegate_from,
          to_char(e.delegate_until, 'YYYY-MM-DD') as delegate_until
        from employees e ${rest}`,
  );
  return rowsOf<EmployeeRow>(result).map(toPerson);
}

function toPerson(row: EmployeeRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    managerId: row.manager_id,
    limit: row.authority_limit === null ? null : Number(row.authority_limit),
    active: row.active,
    delegateId: row.delegate_id,
    // The admin page stores whole days, the last one inclusive; the rules want instants, the end exclusive.
    delegateFrom: row.delegate_from === null ? null : startOfDay(row.delegate_from),
    delegateUntil:
      row.delegate_until === null
        ? null
        : new Date(startOfDay(row.delegate_until).getTime() + DAY_MS),
  };
}

function startOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** node-postgres answers with a result object, PGlite too, both holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
