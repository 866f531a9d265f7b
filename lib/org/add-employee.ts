import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/action';
import type { PersonInput } from './org-person';
import { savePeople, type SavePeopleDeps, type SavePeopleInput } from './save-people';

/** Adds a person to the org chart, checked and audited like an edit. Returns the new person's id. */
export async function addEmployee(
  deps: SavePeopleDeps,
  input: { actor: SavePeopleInput['actor']; person: PersonInput; reason: string },
): Promise<{ id: string; version: number | null }> {
  const { plan, version } = await savePeople(deps, {
    actor: input.actor,
    edits: [{ id: randomUUID(), isNew: true, input: input.person }],
    reason: input.reason,
  });
  const edit = plan.edits[0];
  if (!edit) throw new Error('Expected one planned edit for the new person.');
  const error = edit.errors[0];
  if (error) throw new AppError('invalid', error.message, error.field);
  return { id: edit.id, version };
}
