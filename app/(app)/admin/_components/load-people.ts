import { getDb } from '@/lib/db';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import type { PersonOption } from './person-form';

/** Everyone, for the manager, delegate and requester pickers. */
export async function loadPeopleOptions(): Promise<PersonOption[]> {
  const rows = await loadOrgRows(await getDb());
  return rows.map(({ id, name, title, active }) => ({ id, name, title, active }));
}
