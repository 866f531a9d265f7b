import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorityChanges, employees } from '@/db/schema';

export interface AuditFilter {
  employeeId?: string | null;
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
  employeeId: string;
  person: string;
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

/**
 * One page of the audit log, newest first, with the total for paging. The log
 * is append-only: this module and the pages only ever read it.
 */
export async function listAudit(
  db: Database,
  filter: AuditFilter,
  page: { page: number; size: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.employeeId) conditions.push(eq(authorityChanges.employeeId, filter.employeeId));
  if (filter.field) conditions.push(eq(authorityChanges.field, filter.field));
  if (filter.changedBy) conditions.push(eq(authorityChanges.changedByName, filter.changedBy));
  const from = dayStart(filter.from);
  if (from) conditions.push(gte(authorityChanges.changedAt, from));
  const to = dayStart(filter.to);
  if (to) conditions.push(lt(authorityChanges.changedAt, new Date(to.getTime() + DAY_MS)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [entries, [totalRow]] = await Promise.all([
    db
      .select({
        id: authorityChanges.id,
        employeeId: authorityChanges.employeeId,
        person: employees.name,
        field: authorityChanges.field,
        oldValue: authorityChanges.oldValue,
        newValue: authorityChanges.newValue,
        reason: authorityChanges.reason,
        changedBy: authorityChanges.changedByName,
        changedAt: authorityChanges.changedAt,
      })
      .from(authorityChanges)
      .innerJoin(employees, eq(authorityChanges.employeeId, employees.id))
      .where(where)
      .orderBy(desc(authorityChanges.changedAt), desc(authorityChanges.id))
      .limit(page.size)
      .offset((Math.max(1, page.page) - 1) * page.size),
    db.select({ n: count() }).from(authorityChanges).where(where),
  ]);
  return { entries, total: totalRow?.n ?? 0 };
}
