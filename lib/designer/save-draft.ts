import type { Database } from '@/db/client';
import { processDrafts } from '@/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import type { Draft } from './create-draft';
import { DesignerError } from './designer-error';
import { readProcessInfo } from './read-process-info';

/**
 * Stores a new revision of a draft. The caller names the revision its copy was
 * based on; when someone saved in between, nothing is written and the caller
 * learns who saved the newer revision (409), so no edit is silently lost.
 */
export async function saveDraft(
  db: Database,
  input: { processId: string; baseRevision: number; xml: string; by: string },
): Promise<Draft> {
  const info = await readProcessInfo(input.xml);
  if (info.processId !== input.processId) {
    throw new DesignerError(
      'invalid',
      `The process id must stay "${input.processId}" (the diagram says "${info.processId}"): deployed versions and running instances are filed under it.`,
    );
  }
  const [saved] = await db
    .update(processDrafts)
    .set({
      xml: input.xml,
      name: info.name ?? input.processId,
      revision: sql`${processDrafts.revision} + 1`,
      updatedBy: input.by,
      updatedAt: new Date(),
    })
    .where(and(eq(processDrafts.processId, input.processId), eq(processDrafts.revision, input.baseRevision)))
    .returning();
  if (saved) return saved;

  const [current] = await db
    .select({ revision: processDrafts.revision, updatedBy: processDrafts.updatedBy })
    .from(processDrafts)
    .where(eq(processDrafts.processId, input.processId));
  if (!current) throw new DesignerError('not_found', `There is no draft of "${input.processId}".`);
  throw new DesignerError(
    'conflict',
    `${current.updatedBy ?? 'Someone'} saved this draft after you opened it (revision ${current.revision}; yours is based on ${input.baseRevision}). Reload to see their changes; your unsaved edits are kept in this tab until you do.`,
    { currentRevision: current.revision, updatedBy: current.updatedBy },
  );
}
