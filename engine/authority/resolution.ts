import type { Person } from '../directory';
import { walkManagers, type Visit } from './chain';
import { nameOf, ResolutionContext } from './context';
import { assignTask } from './delegation';
import { resolveFallback } from './fallback';
import type { Lookup } from './lookup';
import type {
  ApprovalRequest,
  ApprovalResolution,
  ApprovalStep,
  ChainResolution,
  SelfApproved,
  TrailEntry,
} from './types';

export interface ResolvedWithTrail {
  resolution: ApprovalResolution;
  trail: TrailEntry[];
}

/** The whole rule set, from the requester to the last approver or the fallback. */
export function* resolveRules(
  request: ApprovalRequest,
  orgVersion: string,
): Lookup<ResolvedWithTrail> {
  const ctx = new ResolutionContext(request);
  const resolution = yield* resolveIn(ctx, orgVersion);
  return { resolution, trail: ctx.trail };
}

function* resolveIn(ctx: ResolutionContext, orgVersion: string): Lookup<ApprovalResolution> {
  const { request } = ctx;
  const requester = yield* ctx.read(request.requesterId);
  if (!requester) {
    return yield* resolveFallback(
      ctx,
      orgVersion,
      'requester-unknown',
      `The requester (id "${request.requesterId}") is not in the org chart, so there is no manager chain to follow.`,
      [],
    );
  }
  ctx.note(
    requester,
    'requester',
    `${nameOf(requester)} requests ${ctx.amountText}; their own limit is ${ctx.money(requester.limit)}.`,
  );
  const selfApproved = checkSelfAuthority(ctx, requester, orgVersion);
  if (selfApproved) return selfApproved;

  const chain = yield* walkManagers(ctx, requester);
  const skipped = chain.visits.flatMap((visit) =>
    visit.kind === 'skipped' ? [visit.skipped] : [],
  );
  if (chain.end.kind !== 'covered') {
    for (const visit of chain.visits) noteVisitOnFailedChain(ctx, visit);
    return yield* resolveFallback(ctx, orgVersion, chain.end.kind, chain.end.reason, skipped);
  }

  const approving = approvingMembers(chain.visits, request.policy);
  const taken = new Set<string>([...ctx.approvedIds, ...approving.map((visit) => visit.person.id)]);
  const steps: ApprovalStep[] = [];
  for (const visit of chain.visits) {
    if (visit.kind === 'skipped') {
      ctx.note(visit.person, 'skipped', visit.skipped.reason);
    } else if (!approving.includes(visit)) {
      ctx.note(
        visit.person,
        'passed-over',
        `Passed over ${nameOf(visit.person)}: limit ${ctx.money(visit.person.limit)} does not cover ${ctx.amountText}, and the policy is first-qualified.`,
      );
    } else {
      steps.push(yield* stepFor(ctx, visit, taken));
    }
  }
  const chainResolution: ChainResolution = {
    outcome: 'chain',
    steps,
    skipped,
    orgVersion,
    reasons: ctx.reasons,
  };
  return chainResolution;
}

function checkSelfAuthority(
  ctx: ResolutionContext,
  requester: Person,
  orgVersion: string,
): SelfApproved | null {
  // Self-authority decides at submission only; once someone has approved, the chain is under way.
  if (ctx.approvals.length > 0) return null;
  const name = nameOf(requester);
  const ownLimitCovers = ctx.covers(requester.limit);
  if (!ctx.request.selfAuthority) {
    if (ownLimitCovers) {
      ctx.note(
        requester,
        'requester',
        `Self-authority is off for this approval: ${name}'s own limit covers the amount, but the request still goes to the manager chain.`,
      );
    }
    return null;
  }
  if (!requester.active) {
    ctx.note(requester, 'requester', `Self-authority does not apply: ${name} is inactive.`);
    return null;
  }
  if (!ownLimitCovers) {
    ctx.note(
      requester,
      'requester',
      `Self-authority does not apply: ${name}'s own limit of ${ctx.money(requester.limit)} does not cover ${ctx.amountText}.`,
    );
    return null;
  }
  ctx.note(
    requester,
    'approved',
    `Approved by self-authority: ${name}'s own limit of ${ctx.money(requester.limit)} covers ${ctx.amountText}, so no approval task is created.`,
  );
  return { outcome: 'self-approved', limit: requester.limit, orgVersion, reasons: ctx.reasons };
}

type Member = Extract<Visit, { kind: 'member' }>;

/** chain: every active manager walked; first-qualified: the one who covers, plus anyone who already approved. */
function approvingMembers(visits: readonly Visit[], policy: ApprovalRequest['policy']): Member[] {
  const members = visits.filter((visit): visit is Member => visit.kind === 'member');
  switch (policy) {
    case 'chain':
      return members;
    case 'first-qualified':
      return members.filter((member) => member.covers || member.approval !== null);
  }
}

function* stepFor(ctx: ResolutionContext, visit: Member, taken: Set<string>): Lookup<ApprovalStep> {
  const { person, approval, covers } = visit;
  const name = nameOf(person);
  const coverage = covers
    ? `limit ${ctx.money(person.limit)} covers ${ctx.amountText}, so this is the last step`
    : `limit ${ctx.money(person.limit)} does not cover ${ctx.amountText}, so the request then goes on up the chain`;
  const base = {
    authorityId: person.id,
    limit: person.limit,
    covers,
  };
  if (approval) {
    const approver =
      approval.approverId === person.id ? person : yield* ctx.read(approval.approverId);
    const approverName = approver ? nameOf(approver) : `id "${approval.approverId}"`;
    const by = approval.approverId === person.id ? name : `${approverName} for ${name}`;
    const actingId =
      approval.authorityId && approval.authorityId !== person.id ? approval.authorityId : null;
    const acting = actingId ? yield* ctx.read(actingId) : null;
    const judged = actingId
      ? `with ${acting ? `${nameOf(acting)}'s own limit of ${ctx.money(acting.limit)}` : `the limit of id "${actingId}"`}, which ${acting && ctx.covers(acting.limit) ? 'covers' : 'does not cover'} ${ctx.amountText}, so ${covers ? 'this is the last step' : 'the request then goes on up the chain'}`
      : coverage;
    const reason = `Already approved by ${by}: ${judged}.`;
    ctx.note(person, 'approved', reason);
    return {
      ...base,
      approverId: approval.approverId,
      onBehalfOfId: approval.onBehalfOfId ?? null,
      status: 'approved',
      reason,
    };
  }
  const assignment = yield* assignTask(ctx, person, taken);
  if (assignment.onBehalfOfId) taken.add(assignment.approverId);
  const reason = [`${name} approves: ${coverage}.`, assignment.note].filter(Boolean).join(' ');
  ctx.note(person, 'approver', `${name} approves: ${coverage}.`);
  if (assignment.note) {
    const delegate = assignment.onBehalfOfId ? yield* ctx.read(assignment.approverId) : null;
    ctx.note(delegate ?? person, delegate ? 'delegate' : 'approver', assignment.note);
  }
  return {
    ...base,
    approverId: assignment.approverId,
    onBehalfOfId: assignment.onBehalfOfId,
    status: 'pending',
    reason,
  };
}

function noteVisitOnFailedChain(ctx: ResolutionContext, visit: Visit): void {
  if (visit.kind === 'skipped') {
    ctx.note(visit.person, 'skipped', visit.skipped.reason);
    return;
  }
  const state = visit.approval ? ' (already approved)' : '';
  ctx.note(
    visit.person,
    'passed-over',
    `${nameOf(visit.person)}${state}: limit ${ctx.money(visit.person.limit)} does not cover ${ctx.amountText}.`,
  );
}
