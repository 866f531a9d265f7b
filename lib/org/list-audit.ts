import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** Which record a change belongs to: the org chart (a person) or an account (role, status, groups). */
export type AuditLog = 'org' | 'account';

/** Fields of an account's audit, as the audit log's filter names them (apart from the org chart's). */
export const ACCOUNT_FIELDS = {
  'account.role': 'Role',
  'account.active': 'Account status',
  'account.group': 'Group membership',
} as const;

export type AccountAuditField = keyof typeof ACCOUNT_FIELDS;

export interface AuditFilter {
  /** Only the org chart's changes, or only the accounts'. */
  log?: AuditLog | null;
  /** A person of the org chart: their changes, and those of the account linked to them. */
  employeeId?: string | null;
  /** An org-chart field (`limit`), or an account field (`account.role`). */
  field?: string | null;
  /** The name recorded for who made the change. */
  changedBy?: string | null;
  /** First day included (YYYY-MM-DD, UTC). */
  from?: string | null;
  /** Last day included (YYYY-MM-DD, UTC). */
  to?: string | null;
}

export interface AuditEntry {
  id: string;
  log: AuditLog;
  /** The person of the org chart changed, or linked to the account changed. */
  employeeId: string | null;
  /** The account changed (account entries only). */
  userId: string | null;
  /** Who was changed: the person's name, or the account's name (its email when the account is gone). */
  person: string;
  /** An org-chart field, or `account.role` / `account.active` / `account.group`. */
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayStart(text: string | null | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

type AuditRow = {
  id: string;
  log: AuditLog;
  employee_id: string | null;
  user_id: string | null;
  person: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  changed_by: string;
  changed_at: string | Date;
};

/**
 * One page of the audit log, newest first, with the total for paging: the
 * org chart's changes and the accounts' changes in one list. The log is
 * append-only: this module and the pages only ever read it.
 */
export async function listAudit(
  db: Database,
  filter: AuditFilter,
  page: { page: number; size: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.log) conditions.push(sql`log = ${filter.log}`);
  if (filter.employeeId) conditions.push(sql`employee_id = ${filter.employeeId}::uuid`);
  if (filter.field) conditions.push(sql`field = ${filter.field}`);
  if (filter.changedBy) conditions.push(sql`changed_by = ${filter.changedBy}`);
  const from = dayStart(filter.from);
  if (from) conditions.push(sql`changed_at >= ${from.toISOString()}::timestamptz`);
  const to = dayStart(filter.to);
  if (to) conditions.push(sql`changed_at < ${new Date(to.getTime() + DAY_MS).toISOString()}::timestamptz`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const changes = sql`(
    select c.id, 'org' as log, c.employee_id, null::uuid as user_id, e.name as person, c.field,
      c.old_value, c.new_value, c.reason, c.changed_by_name as changed_by, c.changed_at
    from authority_changes c join employees e on e.id = c.employee_id
    union all
    select c.id, 'account', u.employee_id, c.user_id, coalesce(u.name, c.user_email), 'account.' || c.field,
      c.old_value, c.new_value, c.reason, c.changed_by_name, c.changed_at
    from user_changes c left join users u on u.id = c.user_id
  ) changes`;

  const [entries, totals] = await Promise.all([
    db.execute<AuditRow>(
      sql`select id::text as id, log, employee_id::text as employee_id, user_id::text as user_id, person, field,
            old_value, new_value, reason, changed_by, changed_at
          from ${changes} ${where}
          order by changed_at desc, id desc
          limit ${page.size} offset ${(Math.max(1, page.page) - 1) * page.size}`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n from ${changes} ${where}`),
  ]);
  return {
    entries: rowsOf<AuditRow>(entries).map((row) => ({
      id: row.id,
      log: row.log,
      employeeId: row.employee_id,
      userId: row.user_id,
      person: row.person,
      field: row.field,
      oldValue: row.old_value,
      newValue: row.new_value,
      reason: row.reason,
      changedBy: row.changed_by,
      changedAt: new Date(row.changed_at),
    })),
    total: rowsOf<{ n: number }>(totals)[0]?.n ?? 0,
  };
}

/** node-postgres answers with a result object, PGlite too, both holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
