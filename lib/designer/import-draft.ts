import type { Database } from '@/db/client';
import { processDrafts } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import type { Draft } from './create-draft';
import { DesignerError } from './designer-error';
import { readProcessInfo } from './read-process-info';

/**
 * A .bpmn file becomes a draft under the process id it declares. When that
 * process exists already, the import replaces its draft only if the caller
 * says so, as a new revision (the deployed versions stay as they are).
 */
export async function importDraft(
  db: Database,
  input: { xml: string; by: string; replace?: boolean },
): Promise<Draft> {
  const info = await readProcessInfo(input.xml);
  if (!/^[A-Za-z_][\w.-]*$/.test(info.processId)) {
    throw new DesignerError('invalid', `"${info.processId}" is not a valid process id.`);
  }
  const name = info.name ?? info.processId;
  const [existing] = await db
    .select({ revision: processDrafts.revision })
    .from(processDrafts)
    .where(eq(processDrafts.processId, info.processId));
  if (existing && !input.replace) {
    throw new DesignerError(
      'conflict',
      `A process with the id "${info.processId}" exists already. Import again and choose to replace its draft, or change the id in the file.`,
      { currentRevision: existing.revision },
    );
  }
  const [draft] = await db
    .insert(processDrafts)
    .values({ processId: info.processId, name, xml: input.xml, createdBy: input.by, updatedBy: input.by })
    .onConflictDoUpdate({
      target: processDrafts.processId,
      set: {
        name,
        xml: input.xml,
        revision: sql`${processDrafts.revision} + 1`,
        updatedBy: input.by,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!draft) throw new DesignerError('conflict', `The draft of "${info.processId}" could not be stored.`);
  return draft;
}
