import type { Database } from '@/db/client';
import { forms } from '@/db/schema';
import { desc } from 'drizzle-orm';

export interface FormSummary {
  formId: string;
  name: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Every form, most recently changed first. */
export function listForms(db: Database): Promise<FormSummary[]> {
  return db
    .select({
      formId: forms.formId,
      name: forms.name,
      revision: forms.revision,
      updatedBy: forms.updatedBy,
      updatedAt: forms.updatedAt,
    })
    .from(forms)
    .orderBy(desc(forms.updatedAt));
}
