import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { forms } from '@/db/schema';

export type FormSchema = { components?: unknown[]; [key: string]: unknown };

/** The form-js schema linked by `formId`, or null when there is no such form. */
export async function findFormSchema(db: Database, formId: string | null | undefined): Promise<FormSchema | null> {
  if (!formId) return null;
  const [form] = await db.select({ schema: forms.schema }).from(forms).where(eq(forms.formId, formId)).limit(1);
  return (form?.schema) ?? null;
}
