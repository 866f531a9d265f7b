import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/**
 * Takes the org-chart version row's lock for the rest of the transaction, so
 * concurrent edits run one after the other and each validates the chart the
 * previous one left (a cycle can be closed by two edits that are each fine
 * alone). Creates the row when a database was never seeded.
 */
export async function lockOrgChart(tx: Database): Promise<void> {
  await tx.execute(sql`insert into org_chart_version (id, version) values (1, 1) on conflict (id) do nothing`);
  await tx.execute(sql`select version from org_chart_version where id = 1 for update`);
}
