import { describeChanges } from './describe-changes';
import { FIELDS_NEEDING_REASON, type FieldChange, type FieldError, type OrgRow, type PersonInput } from './org-person';
import { parsePersonInput } from './parse-person-input';
import { validateOrgChange } from './validate-org-change';

export interface OrgEdit {
  /** The person edited, or the id chosen for a new one (so rows of one batch can name each other). */
  id: string;
  isNew: boolean;
  input: PersonInput;
}

export interface PlannedEdit {
  id: string;
  isNew: boolean;
  before: OrgRow | null;
  after: OrgRow;
  changes: FieldChange[];
  errors: FieldError[];
}

export interface OrgPlan {
  edits: PlannedEdit[];
  valid: boolean;
  /** Whether applying the plan would change anything. */
  changes: number;
}

export interface PlanContext {
  currency: string;
  actorEmployeeId: string | null;
  reason: string;
}

/**
 * Works out what a batch of edits would do to the org chart, without writing
 * anything: every field change per person and every error, each naming its
 * field. The form, the CSV dry run and the CSV apply all go through here, so a
 * dry run reports exactly what applying would refuse.
 */
export function planOrgChange(current: readonly OrgRow[], edits: readonly OrgEdit[], context: PlanContext): OrgPlan {
  const before = new Map(current.map((row) => [row.id, row]));
  const after = new Map(before);
  const drafts = edits.map((edit) => {
    const old = before.get(edit.id) ?? null;
    const id = edit.id;
    const parsed = parsePersonInput(edit.input, context.currency, old);
    const errors = [...parsed.errors];
    if (!edit.isNew && !old) errors.push({ field: 'row', message: 'This person is no longer in the org chart.' });
    if (edit.isNew && old) errors.push({ field: 'row', message: 'This person is already in the org chart.' });
    after.set(id, { id, ...parsed.value });
    return { id, old, errors };
  });

  const crossErrors = validateOrgChange({
    before,
    after,
    changedIds: drafts.map((draft) => draft.id),
    actorEmployeeId: context.actorEmployeeId,
  });
  const nameOf = (id: string | null) => (id ? (after.get(id)?.name ?? 'unknown') : null);

  const planned = drafts.map(({ id, old, errors }): PlannedEdit => {
    const row = after.get(id) as OrgRow;
    const changes = describeChanges(old, row, nameOf, context.currency);
    const all = [...errors, ...(crossErrors.get(id) ?? [])];
    if (!context.reason.trim() && changes.some((change) => FIELDS_NEEDING_REASON.includes(change.field))) {
      all.push({ field: 'reason', message: 'Say why: a change of limit or manager needs a reason for the audit log.' });
    }
    // A field that did not parse keeps its old value; listing it as a change would mislead.
    const shown = changes.filter((change) => !all.some((error) => error.field === change.field));
    return { id, isNew: old === null, before: old, after: row, changes: shown, errors: all };
  });
  return {
    edits: planned,
    valid: planned.every((edit) => edit.errors.length === 0),
    changes: planned.reduce((sum, edit) => sum + edit.changes.length, 0),
  };
}
