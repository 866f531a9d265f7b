import { AppError } from '@/lib/action';
import type { FieldChange, PersonInput } from './org-person';
import type { ReturnedTask } from './return-delegated-tasks';
import { savePeople, type SavePeopleDeps, type SavePeopleInput } from './save-people';

/**
 * Edits one person of the org chart. Every rule is checked on the server;
 * the first problem is thrown as an AppError naming its field. Returns the
 * audited changes (empty when nothing differed), the new org-chart version,
 * and the approval tasks that went back to this person because their
 * delegation ended.
 */
export async function updateEmployee(
  deps: SavePeopleDeps,
  input: { actor: SavePeopleInput['actor']; id: string; person: PersonInput; reason: string },
): Promise<{ changes: FieldChange[]; version: number | null; returned: ReturnedTask[] }> {
  const { plan, version, returned } = await savePeople(deps, {
    actor: input.actor,
    edits: [{ id: input.id, isNew: false, input: input.person }],
    reason: input.reason,
  });
  const edit = plan.edits[0];
  const error = edit?.errors[0];
  if (error) {
    const code = error.field === 'row' ? 'not_found' : error.forbidden ? 'forbidden' : 'invalid';
    throw new AppError(code, error.message, error.field);
  }
  return { changes: edit?.changes ?? [], version, returned };
}
