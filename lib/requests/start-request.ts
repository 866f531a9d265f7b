import type { Database } from '@/db/client';
import { CommandRejected, type Engine, type InstanceView } from '@/engine';
import { AppError } from '@/lib/action';
import { getStartForm } from './get-start-form';
import { validateFormValues } from './validate-form-values';

/**
 * Starts a deployed process for a person. The start form's values are checked
 * on the server (the browser's checks can be bypassed), and only the form's
 * fields become variables; the person is recorded as the starter, which is
 * whom approvals treat as the requester.
 */
export async function startRequest(
  deps: { db: Database; engine: Engine },
  input: { processId: string; values: Record<string, unknown>; startedBy: string },
): Promise<InstanceView> {
  const form = await getStartForm(deps.db, input.processId);
  if (form.formId && !form.schema) {
    throw new AppError('conflict', `The start form "${form.formId}" of this process is missing; ask a designer to add it.`);
  }
  const variables = form.schema ? validateFormValues(form.schema, input.values) : {};
  try {
    return await deps.engine.start(input.processId, {
      variables,
      startedBy: input.startedBy,
      version: form.version,
    });
  } catch (error) {
    if (error instanceof CommandRejected) {
      throw new AppError(error.code === 'NOT_FOUND' ? 'not_found' : 'invalid', error.message);
    }
    throw error;
  }
}
