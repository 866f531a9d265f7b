import type { Database } from '@/db/client';
import { forms } from '@/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { DesignerError } from './designer-error';
import type { StoredForm } from './get-form';

/** Stores a new revision of a form, refusing a stale one (409) like drafts do. */
export async function saveForm(
  db: Database,
  input: { formId: string; baseRevision: number; name: string; schema: Record<string, unknown>; by: string },
): Promise<StoredForm> {
  const [saved] = await db
    .update(forms)
    .set({
      name: input.name,
      schema: { ...input.schema, id: input.formId },
      revision: sql`${forms.revision} + 1`,
      updatedBy: input.by,
      updatedAt: new Date(),
    })
    .where(and(eq(forms.formId, input.formId), eq(forms.revision, input.baseRevision)))
    .returning();
  if (saved) return saved;
  const [current] = await db
    .select({ revision: forms.revision, updatedBy: forms.updatedBy })
    .from(forms)
    .where(eq(forms.formId, input.formId));
  if (!current) throw new DesignerError('not_found', `There is no form "${input.formId}".`);
  throw new DesignerError(
    'conflict',
    `${current.updatedBy ?? 'Someone'} saved this form after you opened it (revision ${current.revision}). Reload to see their changes.`,
    { currentRevision: current.revision, updatedBy: current.updatedBy },
  );
}
