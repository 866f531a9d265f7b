import type { Database } from '@/db/client';
import { processDefinitions, processDrafts } from '@/db/schema';
import { desc, eq } from 'drizzle-orm';
import type { Draft } from './create-draft';
import { DesignerError } from './designer-error';

/**
 * The draft of a process. A process that was deployed without the designer
 * (the seed, the API) gets a draft from its latest version the first time it
 * is opened, so there is always something to edit.
 */
export async function openDraft(db: Database, processId: string, by?: string): Promise<Draft> {
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.processId, processId));
  if (draft) return draft;
  const [latest] = await db
    .select()
    .from(processDefinitions)
    .where(eq(processDefinitions.processId, processId))
    .orderBy(desc(processDefinitions.version))
    .limit(1);
  if (!latest) throw new DesignerError('not_found', `There is no process "${processId}".`);
  await db
    .insert(processDrafts)
    .values({
      processId,
      name: latest.name ?? processId,
      xml: latest.xml,
      deployedRevision: 1,
      createdBy: by ?? latest.deployedBy,
      createdAt: latest.deployedAt,
      updatedBy: latest.deployedBy,
      updatedAt: latest.deployedAt,
    })
    .onConflictDoNothing();
  const [created] = await db.select().from(processDrafts).where(eq(processDrafts.processId, processId));
  if (!created) throw new DesignerError('not_found', `There is no process "${processId}".`);
  return created;
}
