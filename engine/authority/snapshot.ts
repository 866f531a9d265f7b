import type { Directory, Person } from '../directory';
import type { OrgSnapshot } from './types';

export interface OrgChartSnapshot extends OrgSnapshot {
  findByEmail(email: string): Person | null;
  people(): Person[];
}

/** An org chart held in memory: fixtures, the in-memory store, the CLI, the admin preview. */
export function createOrgSnapshot(people: Iterable<Person>, version: string): OrgChartSnapshot {
  const byId = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  for (const person of people) {
    byId.set(person.id, person);
    byEmail.set(person.email.trim().toLowerCase(), person);
  }
  return {
    version,
    getPerson: (id) => byId.get(id) ?? null,
    findByEmail: (email) => byEmail.get(email.trim().toLowerCase()) ?? null,
    people: () => [...byId.values()],
  };
}

/** The directory port over a snapshot, for running the engine without a database. */
export function snapshotDirectory(org: OrgChartSnapshot): Directory {
  return {
    getPerson: (id) => Promise.resolve(org.getPerson(id)),
    findByEmail: (email) => Promise.resolve(org.findByEmail(email)),
    version: () => Promise.resolve(org.version),
  };
}
