import type { Directory, Person } from '../directory';
import type { OrgSnapshot } from './types';

/**
 * The rules are written once, as generators that yield the id of each person
 * they need and receive that person (or null) back. A snapshot answers
 * synchronously, the directory port asynchronously; the rules cannot tell the
 * difference, so the sync and async variants cannot drift apart.
 */
export type Lookup<T> = Generator<string, T, Person | null>;

export function runOnSnapshot<T>(lookup: Lookup<T>, org: OrgSnapshot): T {
  let next = lookup.next();
  while (!next.done) next = lookup.next(org.getPerson(next.value));
  return next.value;
}

/** Runs the rules against the port; people already prefetched are not read again. */
export async function runOnDirectory<T>(
  lookup: Lookup<T>,
  directory: Directory,
  prefetched: ReadonlyMap<string, Person> = new Map(),
): Promise<T> {
  let next = lookup.next();
  while (!next.done) {
    const person = prefetched.get(next.value) ?? (await directory.getPerson(next.value));
    next = lookup.next(person);
  }
  return next.value;
}

/** One round trip for the requester's whole manager chain, when the adapter offers it. */
export async function prefetchChain(
  directory: Directory,
  requesterId: string,
): Promise<Map<string, Person>> {
  const chain = directory.getManagerChain ? await directory.getManagerChain(requesterId) : [];
  return new Map(chain.map((person) => [person.id, person]));
}
