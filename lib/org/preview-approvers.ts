import type { Database } from '@/db/client';
import {
  approvalAmount,
  describeAmount,
  normalizeCurrency,
  previewApprovalAsync,
  type ApprovalAmount,
  type ApprovalPolicy,
  type ApprovalPreview,
} from '@/engine/authority';
import { createDirectory, createExchangeRateLookup } from '@/lib/directory';

export interface PreviewApproversInput {
  requesterId: string;
  /** As typed: "12500" or "12500.00". */
  amount: string;
  currency: string;
  policy: ApprovalPolicy;
  selfAuthority: boolean;
  /** A person to fall back on when the chain cannot produce an approver. */
  fallbackId: string | null;
  /** The moment to resolve at: decides which exchange rate and delegations apply. */
  at: Date;
}

export type PreviewApproversResult =
  | { ok: true; amount: ApprovalAmount; amountText: string; preview: ApprovalPreview }
  | { ok: false; reason: string };

/**
 * "Who would approve?": the same amount check, currency conversion and
 * resolution the engine runs when an approval step starts, over the org chart
 * as it is now, read through the same directory adapter. Nothing is written.
 */
export async function previewApprovers(
  deps: { db: Database; currency: string },
  input: PreviewApproversInput,
): Promise<PreviewApproversResult> {
  const currency = normalizeCurrency(input.currency);
  const rate = currency === normalizeCurrency(deps.currency) ? null : await createExchangeRateLookup(deps.db)(currency, input.at);
  const amount = approvalAmount({
    value: input.amount.trim(),
    currency,
    companyCurrency: deps.currency,
    rate,
  });
  if (!amount.ok) return { ok: false, reason: amount.reason };
  const preview = await previewApprovalAsync(
    {
      requesterId: input.requesterId,
      amount: amount.value,
      policy: input.policy,
      selfAuthority: input.selfAuthority,
      fallbackApprover: input.fallbackId ? { kind: 'person', id: input.fallbackId } : null,
      at: input.at,
    },
    createDirectory(deps.db),
  );
  return { ok: true, amount: amount.value, amountText: describeAmount(amount.value), preview };
}
