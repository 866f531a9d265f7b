import type { Person } from '../directory';
import { authorityOf, nameOf, type ResolutionContext } from './context';
import type { Lookup } from './lookup';
import type { ApprovalRecord, ChainGap, SkippedPerson } from './types';

export type Visit =
  | { kind: 'skipped'; person: Person; skipped: SkippedPerson }
  | { kind: 'member'; person: Person; approval: ApprovalRecord | null; covers: boolean };

export type ChainEnd =
  { kind: 'covered' } | { kind: Exclude<ChainGap, 'requester-unknown'>; reason: string };

export interface ManagerChain {
  visits: Visit[];
  end: ChainEnd;
}

/**
 * Walks from the requester's manager upward, reading one person per level,
 * until someone active covers the amount, the chart has no manager above, a
 * manager id points at nobody, or the walk comes back to someone it has
 * already seen (a cycle stops at the first revisited person). Inactive people
 * are skipped; someone who already approved in this request as a delegate for
 * another is skipped too, so that nobody approves twice.
 */
export function* walkManagers(ctx: ResolutionContext, requester: Person): Lookup<ManagerChain> {
  const visits: Visit[] = [];
  const seen = new Set<string>([requester.id]);
  let current = requester;
  for (;;) {
    const managerId = current.managerId;
    if (!managerId) {
      return { visits, end: ranOut(ctx, requester, current, visits) };
    }
    if (seen.has(managerId)) {
      const revisited =
        managerId === requester.id
          ? `the requester, ${nameOf(requester)}`
          : nameOfSeen(visits, managerId);
      return {
        visits,
        end: {
          kind: 'cycle',
          reason: `The manager chain loops: ${nameOf(current)}'s manager is ${revisited}, who is already in the chain, so the walk stops there without anyone covering ${ctx.amountText}.`,
        },
      };
    }
    const manager = yield* ctx.read(managerId);
    if (!manager) {
      return {
        visits,
        end: {
          kind: 'manager-unknown',
          reason: `${nameOf(current)}'s manager (id "${managerId}") is not in the org chart, so the chain breaks there without anyone covering ${ctx.amountText}.`,
        },
      };
    }
    seen.add(manager.id);
    current = manager;
    if (!manager.active) {
      visits.push(skip(manager, 'inactive', `Skipped ${nameOf(manager)}: inactive.`));
      continue;
    }
    const approval =
      ctx.approvals.find((record) => !record.asFallback && authorityOf(record) === manager.id) ??
      null;
    if (!approval && ctx.approvals.some((record) => record.approverId === manager.id)) {
      visits.push(
        skip(
          manager,
          'approved-as-delegate',
          `Skipped ${nameOf(manager)}: already approved in this request on behalf of someone else, and nobody approves twice.`,
        ),
      );
      continue;
    }
    const coversAmount =
      ctx.covers(manager.limit) && (yield* approvalCovers(ctx, manager, approval));
    visits.push({ kind: 'member', person: manager, approval, covers: coversAmount });
    if (coversAmount) return { visits, end: { kind: 'covered' } };
  }
}

/**
 * A step approved with another person's own limit (it was handed to them)
 * ends the chain only when that limit covers the amount too; otherwise the
 * walk goes on up, as it does past anyone whose limit does not cover.
 */
function* approvalCovers(
  ctx: ResolutionContext,
  manager: Person,
  approval: ApprovalRecord | null,
): Lookup<boolean> {
  const authorityId = approval?.authorityId;
  if (!authorityId || authorityId === manager.id) return true;
  const authority = yield* ctx.read(authorityId);
  return authority !== null && ctx.covers(authority.limit);
}

function skip(person: Person, cause: SkippedPerson['cause'], reason: string): Visit {
  return { kind: 'skipped', person, skipped: { personId: person.id, cause, reason } };
}

function nameOfSeen(visits: readonly Visit[], id: string): string {
  const visit = visits.find((candidate) => candidate.person.id === id);
  return visit ? nameOf(visit.person) : `id "${id}"`;
}

function ranOut(
  ctx: ResolutionContext,
  requester: Person,
  last: Person,
  visits: readonly Visit[],
): ChainEnd {
  const members = visits.filter((visit) => visit.kind === 'member');
  if (members.length === 0) {
    const reason =
      last === requester
        ? `${nameOf(requester)} has no manager, so there is nobody in the chain to approve ${ctx.amountText}.`
        : `${nameOf(requester)} has no active manager (the chain ends at ${nameOf(last)}), so there is nobody in the chain to approve ${ctx.amountText}.`;
    return { kind: 'no-manager', reason };
  }
  return {
    kind: 'chain-exhausted',
    reason: `The manager chain ends at ${nameOf(last)} and nobody in it has a limit that covers ${ctx.amountText}.`,
  };
}
