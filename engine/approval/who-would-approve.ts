import {
  approvalAmount,
  normalizeCurrency,
  previewApprovalAsync,
  type ApprovalAmount,
  type ApprovalPolicy,
  type ApprovalPreview,
  type Refusable,
} from '../authority';
import { fallbackOf, type ApprovalPorts } from './resolve-approver';

export interface WhoWouldApproveInput {
  requesterEmail: string;
  /** As a person types it ("12500.00") or a number. */
  amount: string | number;
  /** Default: the company currency. */
  currency?: string | null;
  policy?: ApprovalPolicy;
  selfAuthority?: boolean;
  /** "group:<name>" (or a name that is no one's id) for a group queue, else the fallback approver's email. */
  fallback?: string | null;
  /** The moment to resolve at (decides which delegations are in effect); default now. */
  at: Date;
}

export interface WhoWouldApprove extends ApprovalPreview {
  amount: ApprovalAmount;
}

/**
 * "Who would approve?" for the admin page: the same rules, over the same
 * directory, as the engine uses when an approval task starts, with a line for
 * every person considered. Refused (with the rules' message) when the amount
 * is invalid, the currency has no exchange rate, or the requester is unknown.
 */
export async function whoWouldApprove(
  input: WhoWouldApproveInput,
  ports: ApprovalPorts,
): Promise<Refusable<WhoWouldApprove>> {
  const currency = normalizeCurrency(input.currency?.trim() || ports.companyCurrency);
  const company = normalizeCurrency(ports.companyCurrency);
  const rate =
    currency === company || !ports.exchangeRate
      ? null
      : await ports.exchangeRate(currency, input.at);
  const amount = approvalAmount({
    value: input.amount,
    currency,
    companyCurrency: company,
    rate,
  });
  if (!amount.ok) return amount;
  const requester = await ports.directory.findByEmail(input.requesterEmail);
  if (!requester) {
    return {
      ok: false,
      reason: `Nobody in the org chart has the email "${input.requesterEmail}".`,
    };
  }
  const fallbackApprover = await fallbackOf(ports.directory, input.fallback);
  const preview = await previewApprovalAsync(
    {
      requesterId: requester.id,
      amount: amount.value,
      policy: input.policy ?? 'chain',
      selfAuthority: input.selfAuthority ?? false,
      fallbackApprover,
      at: input.at,
    },
    ports.directory,
  );
  return { ok: true, value: { ...preview, amount: amount.value } };
}
