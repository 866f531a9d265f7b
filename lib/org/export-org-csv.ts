import type { Database } from '@/db/client';
import { formatCsv } from './format-csv';
import { limitToText } from './limit-text';
import { loadOrgRows } from './load-org-rows';
import { ORG_CSV_COLUMNS } from './org-csv-columns';

/** The whole org chart as CSV, in the format the import reads back. */
export async function exportOrgCsv(deps: { db: Database; currency: string }): Promise<string> {
  const people = await loadOrgRows(deps.db);
  const emailOf = new Map(people.map((person) => [person.id, person.email]));
  return formatCsv([
    ORG_CSV_COLUMNS,
    ...people.map((person) => [
      person.email,
      person.name,
      person.title,
      person.managerId ? (emailOf.get(person.managerId) ?? '') : '',
      limitToText(person.limit, deps.currency),
      person.active ? 'yes' : 'no',
      person.delegateId ? (emailOf.get(person.delegateId) ?? '') : '',
      person.delegateFrom ?? '',
      person.delegateUntil ?? '',
    ]),
  ]);
}
