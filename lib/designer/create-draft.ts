import type { Database } from '@/db/client';
import { processDefinitions, processDrafts } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { DesignerError } from './designer-error';
import { makeProcessId } from './make-process-id';
import { starterDiagram } from './starter-diagram';

export type Draft = typeof processDrafts.$inferSelect;

/** A new process: a draft holding the starter diagram, under a fresh process id. */
export async function createDraft(
  db: Database,
  input: { name: string; processId?: string; by: string },
): Promise<Draft> {
  const processId = input.processId ?? makeProcessId(input.name);
  const deployed = await db
    .select({ id: processDefinitions.id })
    .from(processDefinitions)
    .where(eq(processDefinitions.processId, processId))
    .limit(1);
  if (deployed.length > 0) {
    throw new DesignerError('conflict', `A process with the id "${processId}" already exists.`);
  }
  const rows = await db
    .insert(processDrafts)
    .values({
      processId,
      name: input.name,
      xml: starterDiagram({ processId, name: input.name }),
      createdBy: input.by,
      updatedBy: input.by,
    })
    .onConflictDoNothing()
    .returning();
  const draft = rows[0];
  if (!draft) throw new DesignerError('conflict', `A process with the id "${processId}" already exists.`);
  return draft;
}
