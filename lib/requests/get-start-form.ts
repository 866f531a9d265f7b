import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { processDefinitions } from '@/db/schema';
import { compile } from '@/engine';
import { AppError } from '@/lib/action';
import { findFormSchema, type FormSchema } from './find-form-schema';

export interface StartForm {
  processId: string;
  name: string;
  version: number;
  formId: string | null;
  /** Null when the start event has no form, or its form is missing. */
  schema: FormSchema | null;
}

/** The newest deployed version of a process and the form of its start event. */
export async function getStartForm(db: Database, processId: string): Promise<StartForm> {
  const [definition] = await db
    .select()
    .from(processDefinitions)
    .where(eq(processDefinitions.processId, processId))
    .orderBy(desc(processDefinitions.version))
    .limit(1);
  if (!definition) throw new AppError('not_found', `No process "${processId}" is deployed.`);
  const compiled = await compile(definition.xml);
  const start = compiled.ok
    ? (compiled.graph.startEvents.find((event) => event.formId) ?? compiled.graph.startEvents[0])
    : undefined;
  const formId = start?.formId ?? null;
  return {
    processId,
    name: definition.name ?? processId,
    version: definition.version,
    formId,
    schema: await findFormSchema(db, formId),
  };
}
