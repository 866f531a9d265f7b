import { accepted, refused, type Refusable } from './refusable';

/**
 * ISO 4217 minor-unit digits for the currencies Baton accepts. A currency
 * missing here is refused rather than guessed: a wrong number of decimals
 * would scale every amount by a power of ten.
 */
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  MAD: 2,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RSD: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
};

export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(MINOR_UNIT_DIGITS);

/** Upper-cases and trims a currency code, so "usd " and "USD" are the same currency. */
export function normalizeCurrency(code: string): string {
  return code.trim().toUpperCase();
}

/** Number of decimals of a currency (USD 2, JPY 0, KWD 3), or a refusal naming the code. */
export function currencyDecimals(code: string): Refusable<number> {
  const normalized = normalizeCurrency(code);
  const digits = MINOR_UNIT_DIGITS[normalized];
  if (digits === undefined) {
    return refused(
      `Unknown currency "${code}": expected an ISO 4217 code Baton supports (${SUPPORTED_CURRENCIES.join(', ')}).`,
    );
  }
  return accepted(digits);
}
