import { describe, expect, it } from 'vitest';
import { covers, currencyDecimals, formatMoney, parseAmount, parseLimit } from '@/engine/authority';

describe('amounts in integer minor units', () => {
  it.each([
    ['12.34', 'USD', 1234],
    ['12.5', 'EUR', 1250],
    ['1000', 'JPY', 1000],
    ['1.234', 'KWD', 1234],
    ['  7 ', 'usd', 700],
    ['10.50', 'USD', 1050],
    ['1000.00', 'JPY', 1000],
    ['1e3', 'USD', 100000],
  ])('given %s %s, then it is %i minor units', (value, currency, minor) => {
    expect(parseAmount(value, currency)).toEqual({
      ok: true,
      value: { minor, currency: currency.trim().toUpperCase() },
    });
  });

  it('given a number from an expression, then it is read exactly as written (19.99 is 1999 cents)', () => {
    expect(parseAmount(19.99, 'USD')).toEqual({
      ok: true,
      value: { minor: 1999, currency: 'USD' },
    });
    expect(parseAmount(0.07, 'USD')).toEqual({ ok: true, value: { minor: 7, currency: 'USD' } });
  });

  it.each([
    ['0', 'USD', 'must be positive'],
    ['0.00', 'USD', 'must be positive'],
    ['-5', 'USD', 'must be positive, but it is -5.00 USD'],
    ['1.001', 'USD', 'has 3 decimals, but USD allows at most 2'],
    ['1.5', 'JPY', 'has 1 decimals, but JPY allows at most 0'],
    ['1.2345', 'KWD', 'KWD allows at most 3'],
    ['1,000.00', 'USD', 'is not a number'],
    ['', 'USD', 'is not a number'],
    ['abc', 'USD', 'is not a number'],
    ['10', 'XYZ', 'Unknown currency "XYZ"'],
    ['9007199254740992', 'USD', 'too large'],
  ])('given %j %s, then the amount is refused (%s)', (value, currency, message) => {
    const result = parseAmount(value, currency);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(message);
  });

  it('given a computed number with binary noise, then it is refused rather than silently rounded', () => {
    const result = parseAmount(0.1 + 0.2, 'USD');
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('0.30000000000000004') as string,
    });
  });

  it('given NaN or Infinity, then the amount is refused', () => {
    expect(parseAmount(Number.NaN, 'USD').ok).toBe(false);
    expect(parseAmount(Number.POSITIVE_INFINITY, 'USD').ok).toBe(false);
  });

  it('knows the decimals of a currency and refuses an unknown one', () => {
    expect(currencyDecimals('JPY')).toEqual({ ok: true, value: 0 });
    expect(currencyDecimals('usd')).toEqual({ ok: true, value: 2 });
    expect(currencyDecimals('KWD')).toEqual({ ok: true, value: 3 });
    expect(currencyDecimals('ABC').ok).toBe(false);
  });
});

describe('a limit covers an amount when amount ≤ limit', () => {
  it('given an amount exactly at the limit, then the limit covers it', () => {
    expect(covers(500_000, 500_000)).toBe(true);
  });

  it('given an amount one cent above the limit, then the limit does not cover it', () => {
    expect(covers(500_000, 500_001)).toBe(false);
  });

  it('given an unlimited (null) limit, then it covers any amount', () => {
    expect(covers(null, Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('limits for the org chart', () => {
  it('given zero, then it is a limit of nothing; given nothing, then it is unlimited', () => {
    expect(parseLimit('0', 'USD')).toEqual({ ok: true, value: 0 });
    expect(parseLimit(null, 'USD')).toEqual({ ok: true, value: null });
    expect(parseLimit('', 'USD')).toEqual({ ok: true, value: null });
    expect(parseLimit('5000.00', 'USD')).toEqual({ ok: true, value: 500_000 });
  });

  it('given a negative limit or too many decimals, then it is refused', () => {
    expect(parseLimit('-1', 'USD')).toEqual({
      ok: false,
      reason: expect.stringContaining('zero or more') as string,
    });
    expect(parseLimit('1.001', 'USD').ok).toBe(false);
  });
});

describe('formatting for reasons', () => {
  it('writes minor units with the currency decimals, grouped thousands and the code', () => {
    expect(formatMoney(25_000_000, 'USD')).toBe('250,000.00 USD');
    expect(formatMoney(5, 'USD')).toBe('0.05 USD');
    expect(formatMoney(1_000_000, 'JPY')).toBe('1,000,000 JPY');
    expect(formatMoney(1234, 'KWD')).toBe('1.234 KWD');
    expect(formatMoney(null, 'USD')).toBe('unlimited');
  });
});
