import type { Database } from '@/db/client';
import { forms } from '@/db/schema';
import { DesignerError } from './designer-error';
import type { StoredForm } from './get-form';
import { makeProcessId } from './make-process-id';

/** A new, empty form-js form whose id is derived from its name. */
export async function createForm(db: Database, input: { name: string; by: string }): Promise<StoredForm> {
  const formId = makeProcessId(input.name).replace(/^process-/, 'form-');
  const schema = {
    id: formId,
    type: 'default',
    schemaVersion: 18,
    components: [],
  };
  const [form] = await db
    .insert(forms)
    .values({ formId, name: input.name, schema, createdBy: input.by, updatedBy: input.by })
    .onConflictDoNothing()
    .returning();
  if (!form) throw new DesignerError('conflict', `A form with the id "${formId}" already exists.`);
  return form;
}
