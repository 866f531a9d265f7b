import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorityChanges } from '@/db/schema';

/** Everyone who has changed the org chart, for the audit log's "changed by" filter. */
export async function listAuditAuthors(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: authorityChanges.changedByName })
    .from(authorityChanges)
    .orderBy(asc(authorityChanges.changedByName));
  return rows.map((row) => row.name);
}
