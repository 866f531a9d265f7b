import type { Person } from '../directory';
import type { ApprovalAmount } from './conversion';
import { authorityOf, nameOf } from './context';
import type { Lookup } from './lookup';
import { covers, formatMoney } from './money';
import type { ApprovalRecord, DecisionCheck } from './types';

/**
 * The re-check when someone approves. The authority used is the one of the
 * person whose step it is (the delegator when a delegate acts), as it is in
 * the org chart now. If it no longer covers the amount (a limit lowered, or
 * the delegator gone) the approval still counts but is not final, and the
 * next approver is resolved. A fallback approver's decision is final: the
 * fallback is the last resort the process designer named.
 */
export function* checkDecisionRules(
  decision: ApprovalRecord,
  amount: ApprovalAmount,
  orgVersion: string,
): Lookup<DecisionCheck> {
  const authorityId = authorityOf(decision);
  const money = (minor: number | null) => formatMoney(minor, amount.currency);
  const amountText = money(amount.minor);
  const approver: Person | null = yield decision.approverId;
  const result = (
    counts: boolean,
    final: boolean,
    limit: number | null,
    reason: string,
  ): DecisionCheck => ({
    counts,
    final,
    authorityId,
    limit,
    reason,
    orgVersion,
  });
  if (!approver) {
    return result(
      false,
      false,
      null,
      `The approver (id "${decision.approverId}") is not in the org chart, so the decision does not count.`,
    );
  }
  const who = nameOf(approver);
  if (!approver.active) {
    return result(
      false,
      false,
      approver.limit,
      `${who} is inactive, so the decision does not count.`,
    );
  }
  if (decision.asFallback) {
    return result(
      true,
      true,
      approver.limit,
      `${who} approved as the fallback approver; that approval is final.`,
    );
  }
  const holder: Person | null = authorityId === approver.id ? approver : yield authorityId;
  if (!holder || !holder.active) {
    const holderName = holder ? nameOf(holder) : `id "${authorityId}"`;
    return result(
      true,
      false,
      holder?.limit ?? null,
      `${who}'s approval for ${holderName} counts but is not final: ${holderName} is ${holder ? 'inactive' : 'no longer in the org chart'}, so their authority no longer applies.`,
    );
  }
  const acting = holder === approver ? who : `${who} (for ${nameOf(holder)})`;
  if (covers(holder.limit, amount.minor)) {
    return result(
      true,
      true,
      holder.limit,
      `${acting} approved with a limit of ${money(holder.limit)}, which covers ${amountText}: the approval is final.`,
    );
  }
  return result(
    true,
    false,
    holder.limit,
    `${acting} approved with a limit of ${money(holder.limit)}, which does not cover ${amountText}: the approval counts, and the request goes on to the next approver.`,
  );
}
