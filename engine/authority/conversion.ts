import { currencyDecimals, normalizeCurrency } from './currencies';
import { decimalToString, divideHalfUp, parseDecimal } from './decimal';
import { formatMoney, parseAmount, type Money } from './money';
import { accepted, refused, type Refusable } from './refusable';

/** A row of the exchange-rate table: units of the company currency per one unit of the other currency. */
export interface ExchangeRate {
  /** e.g. "1.0850" for EUR → USD when 1 EUR buys 1.085 USD. Text or number, read exactly. */
  rate: string | number;
  /** The day the rate applies to, ISO 8601 (YYYY-MM-DD). */
  date: string;
}

/** The amount an approval is decided on: in the company currency, with what it was converted from. */
export interface ApprovalAmount {
  /** Integer minor units of the company currency. */
  minor: number;
  /** The company currency. */
  currency: string;
  /** The amount as requested. */
  original: Money;
  /** The rate used, or null when the request was already in the company currency. */
  rate: { value: string; date: string } | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Converts an amount into the company currency: original minor units × rate,
 * rescaled to the company currency's decimals and rounded half-up to the minor
 * unit (0.005 USD becomes 0.01 USD), all in integer arithmetic. Refused when no
 * rate is given, the rate is not a positive number, or the result rounds to
 * zero (a zero amount would be covered by every limit).
 */
export function toCompanyCurrency(
  amount: Money,
  companyCurrency: string,
  rate: ExchangeRate | null,
): Refusable<ApprovalAmount> {
  const to = normalizeCurrency(companyCurrency);
  const toDecimals = currencyDecimals(to);
  if (!toDecimals.ok) return toDecimals;
  const from = normalizeCurrency(amount.currency);
  const fromDecimals = currencyDecimals(from);
  if (!fromDecimals.ok) return fromDecimals;
  if (from === to) {
    return accepted({
      minor: amount.minor,
      currency: to,
      original: { minor: amount.minor, currency: to },
      rate: null,
    });
  }
  if (!rate) {
    return refused(
      `No exchange rate from ${from} to ${to} is on record, so a request in ${from} cannot be compared with limits in ${to}. Add the rate on the exchange-rates page, then submit again.`,
    );
  }
  const parsedRate = parseDecimal(rate.rate);
  if (!parsedRate || parsedRate.negative || parsedRate.digits === 0n) {
    return refused(
      `The exchange rate ${from} → ${to} must be a positive number, but it is "${String(rate.rate)}".`,
    );
  }
  if (!ISO_DATE.test(rate.date)) {
    return refused(
      `The exchange rate ${from} → ${to} needs its date as YYYY-MM-DD, but it is "${rate.date}".`,
    );
  }
  const numerator = BigInt(amount.minor) * parsedRate.digits * 10n ** BigInt(toDecimals.value);
  const denominator = 10n ** BigInt(fromDecimals.value + parsedRate.scale);
  const converted = divideHalfUp(numerator, denominator);
  if (converted <= 0n) {
    return refused(
      `${formatMoney(amount.minor, from)} at ${decimalToString(parsedRate)} is less than half of the smallest unit of ${to}; the amount must be positive.`,
    );
  }
  if (converted > BigInt(Number.MAX_SAFE_INTEGER)) {
    return refused(`${formatMoney(amount.minor, from)} converted into ${to} is too large.`);
  }
  return accepted({
    minor: Number(converted),
    currency: to,
    original: { minor: amount.minor, currency: from },
    rate: { value: decimalToString(parsedRate), date: rate.date },
  });
}

/**
 * The whole check at submission: parse and validate the requested amount,
 * then convert it into the company currency.
 */
export function approvalAmount(input: {
  value: string | number;
  currency: string;
  companyCurrency: string;
  rate: ExchangeRate | null;
}): Refusable<ApprovalAmount> {
  const amount = parseAmount(input.value, input.currency);
  if (!amount.ok) return amount;
  return toCompanyCurrency(amount.value, input.companyCurrency, input.rate);
}

/** "12,000.00 USD (11,000.00 EUR at 1.0909 on 2025-03-01)" for reasons and mails. */
export function describeAmount(amount: ApprovalAmount): string {
  const converted = formatMoney(amount.minor, amount.currency);
  if (!amount.rate) return converted;
  return `${converted} (${formatMoney(amount.original.minor, amount.original.currency)} at ${amount.rate.value} on ${amount.rate.date})`;
}
