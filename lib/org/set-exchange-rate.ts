import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { exchangeRates } from '@/db/schema';
import { currencyDecimals, normalizeCurrency } from '@/engine/authority';
import { AppError } from '@/lib/action';

const RATE = /^\d{1,10}(\.\d{1,10})?$/;

/**
 * Records the rate of one currency into the company currency from a day on.
 * The same currency and day again replaces that rate; who set it and when is
 * kept on the row. Approvals already submitted keep the rate they stored.
 */
export async function setExchangeRate(
  deps: { db: Database; currency: string; now?: () => Date },
  input: { currency: string; rate: string; validOn: string; actorId: string },
): Promise<{ currency: string; rate: string; validOn: string; replaced: boolean }> {
  const currency = normalizeCurrency(input.currency);
  const known = currencyDecimals(currency);
  if (!known.ok) throw new AppError('invalid', known.reason, 'currency');
  if (currency === normalizeCurrency(deps.currency)) {
    throw new AppError('invalid', `${currency} is the company currency; it needs no rate.`, 'currency');
  }
  const rate = input.rate.trim();
  if (!RATE.test(rate) || !/[1-9]/.test(rate)) {
    throw new AppError('invalid', 'Enter the rate as a positive number such as 1.0850, with at most 10 decimals.', 'rate');
  }
  const validOn = input.validOn.trim();
  const day = new Date(`${validOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validOn) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== validOn) {
    throw new AppError('invalid', 'Enter the first day the rate applies as YYYY-MM-DD.', 'validOn');
  }
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .insert(exchangeRates)
    .values({ currency, rate, validOn, updatedBy: input.actorId, updatedAt: now })
    .onConflictDoUpdate({
      target: [exchangeRates.currency, exchangeRates.validOn],
      set: { rate, updatedBy: input.actorId, updatedAt: now },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return { currency, rate, validOn, replaced: row ? !row.inserted : false };
}
