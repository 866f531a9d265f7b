import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { exchangeRates, users } from '@/db/schema';

/** Every recorded rate, by currency, newest day first, with who last set it. */
export async function listExchangeRates(db: Database) {
  return db
    .select({
      currency: exchangeRates.currency,
      rate: exchangeRates.rate,
      validOn: exchangeRates.validOn,
      updatedAt: exchangeRates.updatedAt,
      updatedBy: users.name,
    })
    .from(exchangeRates)
    .leftJoin(users, eq(exchangeRates.updatedBy, users.id))
    .orderBy(asc(exchangeRates.currency), desc(exchangeRates.validOn));
}
