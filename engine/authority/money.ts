import { currencyDecimals, normalizeCurrency } from './currencies';
import { parseDecimal } from './decimal';
import { accepted, refused, type Refusable } from './refusable';

/** An amount in integer minor units (cents for USD, yen for JPY, fils for KWD). */
export interface Money {
  /** A safe integer, so it survives JSON and compares exactly. */
  minor: number;
  currency: string;
}

/**
 * Reads a user-entered amount ("1234.50", or a number from a FEEL expression)
 * in a currency. Refused unless it is positive, has at most the currency's
 * decimals and fits in a safe integer of minor units. Trailing zeros do not
 * count as decimals: "1000.00" JPY is 1000 yen, "10.5" USD is 1050 cents.
 */
export function parseAmount(value: string | number, currency: string): Refusable<Money> {
  const parsed = parseMoney(value, currency, 'amount');
  if (!parsed.ok) return parsed;
  if (parsed.value.minor <= 0) {
    return refused(
      `The amount must be positive, but it is ${formatMoney(parsed.value.minor, parsed.value.currency)}.`,
    );
  }
  return parsed;
}

/**
 * Reads an authority limit for the org chart: zero or more, with at most the
 * currency's decimals; null, undefined or an empty text means unlimited.
 */
export function parseLimit(
  value: string | number | null | undefined,
  currency: string,
): Refusable<number | null> {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return accepted(null);
  }
  const parsed = parseMoney(value, currency, 'limit');
  if (!parsed.ok) return parsed;
  if (parsed.value.minor < 0) {
    return refused(
      `A limit must be zero or more, but it is ${formatMoney(parsed.value.minor, parsed.value.currency)}.`,
    );
  }
  return accepted(parsed.value.minor);
}

function parseMoney(
  value: string | number,
  currency: string,
  what: 'amount' | 'limit',
): Refusable<Money> {
  const decimals = currencyDecimals(currency);
  if (!decimals.ok) return decimals;
  const code = normalizeCurrency(currency);
  const decimal = parseDecimal(value);
  if (!decimal) {
    return refused(
      `The ${what} "${String(value)}" is not a number: write it like 1234.56, without thousands separators.`,
    );
  }
  if (decimal.scale > decimals.value) {
    return refused(
      `The ${what} ${String(value)} ${code} has ${decimal.scale} decimals, but ${code} allows at most ${decimals.value}.`,
    );
  }
  const minor = decimal.digits * 10n ** BigInt(decimals.value - decimal.scale);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return refused(`The ${what} ${String(value)} ${code} is too large.`);
  }
  return accepted({ minor: (decimal.negative ? -1 : 1) * Number(minor), currency: code });
}

/** A limit covers an amount when amount ≤ limit; an unlimited (null) limit covers everything. */
export function covers(limit: number | null, amountMinor: number): boolean {
  return limit === null || amountMinor <= limit;
}

/**
 * "5,000.00 USD", "1,000 JPY", "unlimited" for a null limit. Locale-free, so
 * recorded reasons read the same on every server.
 */
export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return 'unlimited';
  const code = normalizeCurrency(currency);
  const decimals = currencyDecimals(code);
  const scale = decimals.ok ? decimals.value : 0;
  const digits = Math.abs(minor)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction} ${code}`;
}
