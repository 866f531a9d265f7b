import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** Everyone who has changed the org chart or an account, for the audit log's "changed by" filter. */
export async function listAuditAuthors(db: Database): Promise<string[]> {
  const result = await db.execute<{ name: string }>(
    sql`select changed_by_name as name from authority_changes
        union
        select changed_by_name from user_changes
        order by name`,
  );
  const rows = Array.isArray(result) ? (result as { name: string }[]) : ((result as { rows?: { name: string }[] }).rows ?? []);
  return rows.map((row) => row.name);
}
