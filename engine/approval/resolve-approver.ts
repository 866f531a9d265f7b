/**
 * The runner's half of the approval task: answers a ResolveApprover query
 * from the org chart as it is now, through the Directory port, with the pure
 * rules of engine/authority. Nothing here decides anything the rules do not:
 * it converts the amount once, finds people by email, re-checks the decision
 * just given, and asks for the next step.
 */
import {
  approvalAmount,
  checkDecisionAsync,
  nextApproverAsync,
  normalizeCurrency,
  resolveApprovalAsync,
  type ApprovalAmount,
  type ApprovalRecord,
  type ApprovalRequest,
  type Directory,
  type DecisionCheck,
  type ExchangeRate,
  type FallbackApprover,
  type Person,
} from '../authority';
import type { ApproverAnswer, ApproverQuery, DecisionCheckJson, PersonRef } from './types';

/** Units of the company currency one unit of `currency` buys, on or before the day of `at`. */
export type ExchangeRateLookup = (currency: string, at: Date) => Promise<ExchangeRate | null>;

/** What the runner needs to answer approval queries. */
export interface ApprovalPorts {
  directory: Directory;
  companyCurrency: string;
  exchangeRate?: ExchangeRateLookup;
}

const GROUP_PREFIX = 'group:';

export async function resolveApprover(
  query: ApproverQuery,
  ports: ApprovalPorts | null,
  context: { at: Date; startedBy: string | null },
): Promise<ApproverAnswer> {
  if (!ports) {
    return refused(
      'APPROVAL_NOT_CONFIGURED',
      'the engine has no org-chart directory configured, so nobody can be asked to approve',
    );
  }
  const { directory } = ports;
  const amount = query.converted ?? (await convert(query, ports, context.at));
  if (typeof amount === 'string') return refused('APPROVAL_AMOUNT_INVALID', amount);

  const requesterKey = query.requester ?? context.startedBy;
  if (!requesterKey) {
    return refused(
      'APPROVAL_NO_REQUESTER',
      'the instance was started by nobody in particular and baton:Approval names no requester',
    );
  }
  const requesterPerson = await find(directory, requesterKey);
  const requester = requesterPerson ? refOf(requesterPerson) : null;
  const request: ApprovalRequest = {
    requesterId: requesterPerson?.id ?? requesterKey,
    amount,
    policy: query.policy,
    selfAuthority: query.selfAuthority,
    fallbackApprover: await fallbackOf(directory, query.fallback),
    at: context.at,
  };
  const approvals: ApprovalRecord[] = query.approvals.map((given) => ({ ...given }));
  if (query.escalate) {
    return escalate(query.escalate.approverId, directory, {
      amount,
      requester,
      excluded: new Set([request.requesterId, ...approvals.map((given) => given.approverId)]),
    });
  }

  let check: DecisionCheckJson | null = null;
  if (query.check) {
    const approverPerson =
      (query.check.approverId ? await directory.getPerson(query.check.approverId) : null) ??
      (await directory.findByEmail(query.check.approverEmail));
    const given: ApprovalRecord = {
      approverId: approverPerson?.id ?? (query.check.approverId || query.check.approverEmail),
      onBehalfOfId: query.check.onBehalfOfId,
      asFallback: query.check.asFallback,
    };
    check = checkJson(
      await checkDecisionAsync(given, amount, directory),
      approverPerson ? refOf(approverPerson) : null,
    );
    if (check.counts) approvals.push(given);
    if (check.counts && check.final) {
      return {
        outcome: 'complete',
        amount,
        requester,
        reason: check.reason,
        orgVersion: check.orgVersion,
        check,
      };
    }
  }

  const next = await nextApproverAsync(request, directory, approvals);
  const reason = (fallback: string) => next.reasons.at(-1) ?? fallback;
  switch (next.outcome) {
    case 'self-approved':
      if (!requester) break;
      return {
        outcome: 'self-approved',
        amount,
        requester,
        limit: next.limit,
        reason: reason('The requester’s own limit covers the amount.'),
        orgVersion: next.orgVersion,
        check,
      };
    case 'complete':
      return {
        outcome: 'complete',
        amount,
        requester,
        reason: reason('Every step has approved.'),
        orgVersion: next.orgVersion,
        check,
      };
    case 'no-approver':
      return {
        outcome: 'no-approver',
        amount,
        requester,
        reason: next.reason,
        orgVersion: next.orgVersion,
        check,
      };
    case 'next': {
      const { step } = next;
      const [approver, onBehalfOf, remaining] = await Promise.all([
        directory.getPerson(step.approverId),
        step.onBehalfOfId ? directory.getPerson(step.onBehalfOfId) : Promise.resolve(null),
        stepsLeft(request, approvals, directory),
      ]);
      if (!approver) break;
      return {
        outcome: 'approver',
        amount,
        requester,
        approver: refOf(approver),
        group: null,
        onBehalfOf: onBehalfOf ? refOf(onBehalfOf) : null,
        asFallback: false,
        authorityId: step.authorityId,
        limit: step.limit,
        excluded: [],
        remaining,
        reason: step.reason,
        orgVersion: next.orgVersion,
        check,
      };
    }
    case 'fallback': {
      const assigned = next.approver;
      if (assigned.kind === 'group') {
        const excluded = await Promise.all(
          assigned.excludeIds.map(async (id) => (await directory.getPerson(id))?.email ?? id),
        );
        const gap = await groupGap(directory, assigned.id, excluded);
        if (gap) {
          return {
            outcome: 'no-approver',
            amount,
            requester,
            // The rules noted why the chain ended, then the group; the group is the gap now.
            reason: [next.reasons.at(-2), `No approver: ${gap}`].filter(Boolean).join(' '),
            orgVersion: next.orgVersion,
            check,
          };
        }
        return {
          outcome: 'approver',
          amount,
          requester,
          approver: null,
          group: assigned.id,
          onBehalfOf: null,
          asFallback: true,
          authorityId: null,
          limit: null,
          excluded,
          remaining: null,
          reason: next.reason,
          orgVersion: next.orgVersion,
          check,
        };
      }
      const [approver, onBehalfOf] = await Promise.all([
        directory.getPerson(assigned.id),
        assigned.onBehalfOfId ? directory.getPerson(assigned.onBehalfOfId) : Promise.resolve(null),
      ]);
      if (!approver) break;
      return {
        outcome: 'approver',
        amount,
        requester,
        approver: refOf(approver),
        group: null,
        onBehalfOf: onBehalfOf ? refOf(onBehalfOf) : null,
        asFallback: true,
        authorityId: assigned.onBehalfOfId ?? approver.id,
        limit: (onBehalfOf ?? approver).limit,
        excluded: [],
        remaining: null,
        reason: next.reason,
        orgVersion: next.orgVersion,
        check,
      };
    }
  }
  // The rules named someone the org chart no longer has: it changed between two reads.
  return {
    outcome: 'no-approver',
    amount,
    requester,
    reason: `the org chart changed while the approver was resolved (${next.outcome}); retry the incident`,
    orgVersion: next.orgVersion,
    check,
  };
}

/**
 * The open step ran too long: the task goes to the approver's manager, or the
 * next one up who is active, is not the requester and has not approved yet.
 */
async function escalate(
  approverId: string,
  directory: Directory,
  context: { amount: ApprovalAmount; requester: PersonRef | null; excluded: Set<string> },
): Promise<ApproverAnswer> {
  const from = await directory.getPerson(approverId);
  const seen = new Set([approverId]);
  for (let current = from; current?.managerId && !seen.has(current.managerId);) {
    seen.add(current.managerId);
    const manager = await directory.getPerson(current.managerId);
    if (!manager) break;
    if (manager.active && !context.excluded.has(manager.id)) {
      return {
        outcome: 'approver',
        amount: context.amount,
        requester: context.requester,
        approver: refOf(manager),
        group: null,
        onBehalfOf: null,
        asFallback: false,
        authorityId: manager.id,
        limit: manager.limit,
        excluded: [],
        remaining: null,
        reason: `Escalated from ${from?.name ?? approverId} to ${manager.name}: the task was open past its escalation time.`,
        orgVersion: await directory.version(),
        check: null,
      };
    }
    current = manager;
  }
  return {
    outcome: 'not-escalated',
    reason: `${from?.name ?? `The approver (id "${approverId}")`} has no active manager who may take the task, so it stays where it is.`,
    check: null,
  };
}

/** Validates the requested amount and converts it into the company currency, or says why not. */
async function convert(
  query: ApproverQuery,
  ports: ApprovalPorts,
  at: Date,
): Promise<ApprovalAmount | string> {
  const currency = normalizeCurrency(query.amount.currency ?? ports.companyCurrency);
  const company = normalizeCurrency(ports.companyCurrency);
  const rate =
    currency === company || !ports.exchangeRate ? null : await ports.exchangeRate(currency, at);
  const amount = approvalAmount({
    value: query.amount.value,
    currency,
    companyCurrency: company,
    rate,
  });
  return amount.ok ? amount.value : amount.reason;
}

/** How many steps are still to come, counting the next one; the same rules over the same chart. */
async function stepsLeft(
  request: ApprovalRequest,
  approvals: readonly ApprovalRecord[],
  directory: Directory,
): Promise<number | null> {
  const resolution = await resolveApprovalAsync(
    { ...request, alreadyApproved: approvals },
    directory,
  );
  if (resolution.outcome !== 'chain') return null;
  return resolution.steps.filter((step) => step.status === 'pending').length;
}

/**
 * The configured fallback: "group:<name>" is a group queue; an email is a
 * person; anything else is a person's org-chart id, or else a group's name.
 */
export async function fallbackOf(
  directory: Directory,
  fallback: string | null | undefined,
): Promise<FallbackApprover | null> {
  const key = fallback?.trim();
  if (!key) return null;
  if (key.startsWith(GROUP_PREFIX)) {
    const group = key.slice(GROUP_PREFIX.length).trim();
    return group ? { kind: 'group', id: group } : null;
  }
  if (key.includes('@')) {
    const person = await directory.findByEmail(key);
    return { kind: 'person', id: person?.id ?? key };
  }
  const person = await directory.getPerson(key);
  return person ? { kind: 'person', id: person.id } : { kind: 'group', id: key };
}

/**
 * Why nobody could take a task offered to the fallback group, or null when
 * someone can: the group does not exist, or none of its active members may
 * decide (the requester and earlier approvers may not). A directory that
 * knows no groups cannot tell, and the queue is trusted as named.
 */
async function groupGap(
  directory: Directory,
  group: string,
  excluded: readonly string[],
): Promise<string | null> {
  if (!directory.groupMembers) return null;
  const members = await directory.groupMembers(group);
  if (members === null) {
    return `the fallback group "${group}" does not exist. Create it (Admin → Groups) and add members, or configure another fallback approver.`;
  }
  const barred = new Set(excluded.map((email) => email.toLowerCase()));
  if (!members.some((email) => !barred.has(email.toLowerCase()))) {
    const who = members.length === 0 ? 'has no active member' : 'has no active member other than the requester and those who already approved';
    return `the fallback group "${group}" ${who}. Add members to it (Admin → Groups), or configure another fallback approver.`;
  }
  return null;
}

/** People are named by email in diagrams and sign-ins, by id in the org chart. */
async function find(directory: Directory, key: string): Promise<Person | null> {
  if (key.includes('@')) return directory.findByEmail(key);
  return directory.getPerson(key);
}

function refOf(person: Person): PersonRef {
  return { id: person.id, email: person.email, name: person.name };
}

function checkJson(check: DecisionCheck, approver: PersonRef | null): DecisionCheckJson {
  return {
    approver,
    counts: check.counts,
    final: check.final,
    authorityId: check.authorityId,
    limit: check.limit,
    reason: check.reason,
    orgVersion: check.orgVersion,
  };
}

function refused(incidentType: string, reason: string): ApproverAnswer {
  return { outcome: 'refused', incidentType, reason, check: null };
}
