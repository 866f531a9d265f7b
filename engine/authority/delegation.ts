import type { Person } from '../directory';
import { nameOf, type ResolutionContext } from './context';
import type { Lookup } from './lookup';

export interface Assignment {
  approverId: string;
  /** The person the delegate stands in for; null when the task stays with the person themself. */
  onBehalfOfId: string | null;
  /** Why the task went to a delegate, or why a delegation was not followed; null when there is none. */
  note: string | null;
}

/** A delegation is in effect from delegateFrom (inclusive) until delegateUntil (exclusive); a missing bound is open. */
export function delegationInEffect(person: Person, at: number): boolean {
  if (!person.delegateId || person.delegateId === person.id) return false;
  if (person.delegateFrom && at < person.delegateFrom.getTime()) return false;
  if (person.delegateUntil && at >= person.delegateUntil.getTime()) return false;
  return true;
}

/**
 * Who gets a task that would go to `person`. Their delegate, when the
 * delegation is in effect and the delegate is known, active, not the
 * requester, not already in the chain (`taken`) and not part of a delegation
 * loop back to `person`. Delegation does not cascade: the delegate's own
 * delegate is never followed.
 */
export function* assignTask(
  ctx: ResolutionContext,
  person: Person,
  taken: ReadonlySet<string>,
): Lookup<Assignment> {
  const keep = (note: string | null): Assignment => ({
    approverId: person.id,
    onBehalfOfId: null,
    note,
  });
  if (!person.delegateId || person.delegateId === person.id) return keep(null);
  if (!delegationInEffect(person, ctx.at)) {
    return keep(
      `${nameOf(person)}'s delegation is not in effect on ${ctx.day}, so the task stays with ${nameOf(person)}.`,
    );
  }
  const delegate = yield* ctx.read(person.delegateId);
  const to = delegate ? nameOf(delegate) : `id "${person.delegateId}"`;
  const notFollowed = (why: string): Assignment =>
    keep(
      `${nameOf(person)}'s delegation to ${to} is not followed: ${why}; the task stays with ${nameOf(person)}.`,
    );
  if (!delegate) return notFollowed('that person is not in the org chart');
  if (!delegate.active) return notFollowed(`${to} is inactive`);
  if (delegate.id === ctx.request.requesterId) {
    return notFollowed(`${to} is the requester, and nobody approves their own request`);
  }
  if (taken.has(delegate.id)) {
    return notFollowed(`${to} is already in this approval chain, and nobody approves twice`);
  }
  if (yield* delegatesBackTo(ctx, delegate, person.id)) {
    return notFollowed(`the delegations form a loop back to ${nameOf(person)}`);
  }
  const cascade = delegationInEffect(delegate, ctx.at)
    ? ` ${to}'s own delegation is not followed: delegation does not cascade.`
    : '';
  return {
    approverId: delegate.id,
    onBehalfOfId: person.id,
    note: `${to} for ${nameOf(person)}: ${nameOf(person)}'s delegation is in effect on ${ctx.day}.${cascade}`,
  };
}

/** Follows delegations in effect from `start` and tells whether they lead back to `originId`. */
function* delegatesBackTo(
  ctx: ResolutionContext,
  start: Person,
  originId: string,
): Lookup<boolean> {
  const seen = new Set<string>([originId, start.id]);
  let current: Person | null = start;
  while (current && delegationInEffect(current, ctx.at) && current.delegateId) {
    if (current.delegateId === originId) return true;
    if (seen.has(current.delegateId)) return false;
    seen.add(current.delegateId);
    current = yield* ctx.read(current.delegateId);
  }
  return false;
}
