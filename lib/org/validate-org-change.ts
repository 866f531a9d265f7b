import type { FieldError, OrgRow } from './org-person';

export interface OrgChangeContext {
  /** The org chart before the change, by id. */
  before: ReadonlyMap<string, OrgRow>;
  /** The org chart as it would be after the change, by id. */
  after: ReadonlyMap<string, OrgRow>;
  /** The people added or edited. */
  changedIds: readonly string[];
  /** The org-chart person of the admin making the change, if they are in it. */
  actorEmployeeId: string | null;
}

function countUnlimited(people: ReadonlyMap<string, OrgRow>): number {
  let count = 0;
  for (const person of people.values()) if (person.active && person.limit === null) count += 1;
  return count;
}

/**
 * The walk up from `id` returns to `id`: a cycle that this change closes. A
 * cycle further up that the person only leads into was there before and is
 * reported by whoever closed it, so it does not block unrelated edits.
 */
function closesCycle(id: string, after: ReadonlyMap<string, OrgRow>): string[] | null {
  const path = [id];
  const seen = new Set(path);
  let current = after.get(id)?.managerId ?? null;
  while (current) {
    if (current === id) return path;
    if (seen.has(current)) return null;
    seen.add(current);
    path.push(current);
    current = after.get(current)?.managerId ?? null;
  }
  return null;
}

/**
 * The rules that need the whole org chart, checked on the chart as it would
 * be after the change: managers and delegates exist, are active and are not
 * the person; no manager cycle; no admin changes their own limit; at least one
 * active person with unlimited authority remains. Errors are grouped by person
 * and name the field, so a form or an import row can point at it.
 */
export function validateOrgChange(context: OrgChangeContext): Map<string, FieldError[]> {
  const { before, after, changedIds, actorEmployeeId } = context;
  const errors = new Map<string, FieldError[]>();
  const report = (id: string, error: FieldError) => {
    const list = errors.get(id) ?? [];
    list.push(error);
    errors.set(id, list);
  };
  const emails = new Map<string, string[]>();
  for (const person of after.values()) {
    const key = person.email.toLowerCase();
    emails.set(key, [...(emails.get(key) ?? []), person.id]);
  }

  for (const id of changedIds) {
    const person = after.get(id);
    if (!person) continue;
    const old = before.get(id) ?? null;

    if ((emails.get(person.email.toLowerCase())?.length ?? 0) > 1) {
      report(id, { field: 'email', message: `Someone else already has the email ${person.email}.` });
    }

    if (person.managerId && person.managerId !== old?.managerId) {
      const manager = after.get(person.managerId);
      if (person.managerId === id) {
        report(id, { field: 'manager', message: 'A person cannot be their own manager.' });
      } else if (!manager) {
        report(id, { field: 'manager', message: 'The manager chosen is not in the org chart.' });
      } else if (!manager.active) {
        report(id, { field: 'manager', message: `${manager.name} is inactive and cannot be a manager.` });
      }
    }
    if (person.managerId && person.managerId !== id && person.managerId !== old?.managerId) {
      const cycle = closesCycle(id, after);
      if (cycle) {
        const names = [...cycle, id].map((member) => after.get(member)?.name ?? 'unknown');
        const manager = names[1] ?? 'that manager';
        report(id, {
          field: 'manager',
          message: `${person.name} cannot report to ${manager}: that makes a manager cycle (${names.join(' → ')}, each followed by their manager), and approvals could never reach the top.`,
        });
      }
    }

    const delegateChanged =
      person.delegateId !== old?.delegateId ||
      person.delegateFrom !== old?.delegateFrom ||
      person.delegateUntil !== old?.delegateUntil;
    if (person.delegateId && delegateChanged) {
      const delegate = after.get(person.delegateId);
      if (person.delegateId === id) {
        report(id, { field: 'delegate', message: 'A person cannot delegate to themselves.' });
      } else if (!delegate) {
        report(id, { field: 'delegate', message: 'The delegate chosen is not in the org chart.' });
      } else if (!delegate.active) {
        report(id, { field: 'delegate', message: `${delegate.name} is inactive and cannot stand in.` });
      }
    }

    if (actorEmployeeId === id && old && person.limit !== old.limit) {
      report(id, {
        field: 'limit',
        message: 'You cannot change your own authority limit. Ask another administrator.',
        forbidden: true,
      });
    }
  }

  if (countUnlimited(before) > 0 && countUnlimited(after) === 0) {
    const culprit = changedIds.find((id) => {
      const old = before.get(id);
      return old?.active && old.limit === null;
    });
    if (culprit) {
      const person = after.get(culprit);
      const field = person && !person.active ? 'active' : 'limit';
      report(culprit, {
        field,
        message: `${person?.name ?? 'This person'} is the last active person with unlimited authority; approvals that exceed every limit would have nowhere to go. Give someone else unlimited authority first.`,
      });
    }
  }
  return errors;
}
