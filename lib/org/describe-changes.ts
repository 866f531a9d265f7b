import { limitForAudit } from './limit-text';
import type { FieldChange, OrgField, OrgRow } from './org-person';

/**
 * The audited differences between a person before and after a change, with
 * values as people read them (names rather than ids, "5,000.00 USD" rather
 * than cents). A new person (`before` null) lists every field that is set.
 */
export function describeChanges(
  before: OrgRow | null,
  after: OrgRow,
  nameOf: (id: string | null) => string | null,
  currency: string,
): FieldChange[] {
  const values = (row: OrgRow): Record<OrgField, string | null> => ({
    name: row.name,
    email: row.email,
    title: row.title || null,
    manager: nameOf(row.managerId),
    limit: limitForAudit(row.limit, currency),
    active: row.active ? 'active' : 'inactive',
    delegate: nameOf(row.delegateId),
    delegate_from: row.delegateFrom,
    delegate_until: row.delegateUntil,
  });
  const next = values(after);
  const previous = before ? values(before) : null;
  const changes: FieldChange[] = [];
  for (const field of Object.keys(next) as OrgField[]) {
    const from = previous ? previous[field] : null;
    const to = next[field];
    const differs = before
      ? field === 'manager'
        ? before.managerId !== after.managerId
        : field === 'delegate'
          ? before.delegateId !== after.delegateId
          : from !== to
      : to !== null;
    if (differs) changes.push({ field, from, to });
  }
  return changes;
}
