import type { Database } from '@/db/client';
import { processDefinitions, processDrafts } from '@/db/schema';
import { desc, eq } from 'drizzle-orm';
import { DesignerError } from './designer-error';

export interface ProcessView {
  processId: string;
  name: string;
  xml: string;
  /** The version shown, or null when the process has only a draft. */
  version: number | null;
}

/**
 * A process without changing anything: by default the live version, or the
 * draft when nothing has been deployed yet; with `prefer: 'draft'` the draft
 * when there is one.
 */
export async function getProcessView(
  db: Database,
  processId: string,
  { prefer = 'live' }: { prefer?: 'live' | 'draft' } = {},
): Promise<ProcessView> {
  if (prefer === 'draft') {
    const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.processId, processId));
    if (draft) return { processId, name: draft.name, xml: draft.xml, version: null };
  }
  const [latest] = await db
    .select()
    .from(processDefinitions)
    .where(eq(processDefinitions.processId, processId))
    .orderBy(desc(processDefinitions.version))
    .limit(1);
  if (latest) return { processId, name: latest.name ?? processId, xml: latest.xml, version: latest.version };
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.processId, processId));
  if (!draft) throw new DesignerError('not_found', `There is no process "${processId}".`);
  return { processId, name: draft.name, xml: draft.xml, version: null };
}
