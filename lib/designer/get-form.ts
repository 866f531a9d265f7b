import type { Database } from '@/db/client';
import { forms } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { DesignerError } from './designer-error';

export type StoredForm = typeof forms.$inferSelect;

/** One form by the id user tasks link it with. */
export async function getForm(db: Database, formId: string): Promise<StoredForm> {
  const [form] = await db.select().from(forms).where(eq(forms.formId, formId));
  if (!form) throw new DesignerError('not_found', `There is no form "${formId}".`);
  return form;
}
