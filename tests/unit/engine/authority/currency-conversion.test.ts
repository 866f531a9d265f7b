import { describe, expect, it } from 'vitest';
import { approvalAmount, resolveApproval, toCompanyCurrency } from '@/engine/authority';
import { demoOrg, request } from './fixtures/demo-org';

const eur = (value: string, rate: string | null, date = '2025-03-03') =>
  approvalAmount({
    value,
    currency: 'EUR',
    companyCurrency: 'USD',
    rate: rate === null ? null : { rate, date },
  });

describe('converting a request into the company currency', () => {
  it('given 1,000.00 EUR at 1.0850, then it is 1,085.00 USD with the rate and its date recorded', () => {
    expect(eur('1000.00', '1.0850')).toEqual({
      ok: true,
      value: {
        minor: 108_500,
        currency: 'USD',
        original: { minor: 100_000, currency: 'EUR' },
        rate: { value: '1.085', date: '2025-03-03' },
      },
    });
  });

  it('given a result exactly half a cent, then it rounds half-up to the cent', () => {
    // 1.00 EUR × 1.005 = 1.005 USD
    expect(eur('1.00', '1.005')).toMatchObject({ ok: true, value: { minor: 101 } });
    // 1.00 EUR × 1.0049 = 1.0049 USD
    expect(eur('1.00', '1.0049')).toMatchObject({ ok: true, value: { minor: 100 } });
  });

  it('given currencies with different decimals, then it rescales exactly (JPY → USD, KWD → USD, USD → JPY)', () => {
    expect(
      toCompanyCurrency({ minor: 1000, currency: 'JPY' }, 'USD', {
        rate: '0.0067',
        date: '2025-03-03',
      }),
    ).toMatchObject({
      ok: true,
      value: { minor: 670 },
    });
    // 1.234 KWD × 3.25 = 4.0105 USD → 4.01 USD
    expect(
      toCompanyCurrency({ minor: 1234, currency: 'KWD' }, 'USD', {
        rate: '3.25',
        date: '2025-03-03',
      }),
    ).toMatchObject({
      ok: true,
      value: { minor: 401 },
    });
    // 0.01 USD × 150.5 = 1.505 JPY → 2 JPY
    expect(
      toCompanyCurrency({ minor: 1, currency: 'USD' }, 'JPY', {
        rate: '150.5',
        date: '2025-03-03',
      }),
    ).toMatchObject({
      ok: true,
      value: { minor: 2, currency: 'JPY' },
    });
  });

  it('given the company currency, then no rate is needed and none is recorded', () => {
    const amount = approvalAmount({
      value: '42',
      currency: 'USD',
      companyCurrency: 'USD',
      rate: null,
    });
    expect(amount).toEqual({
      ok: true,
      value: {
        minor: 4200,
        currency: 'USD',
        original: { minor: 4200, currency: 'USD' },
        rate: null,
      },
    });
  });

  it('given no rate on record, then the request is refused with a message saying what to do', () => {
    const amount = eur('1000.00', null);
    expect(amount.ok).toBe(false);
    expect(!amount.ok && amount.reason).toMatch(
      /No exchange rate from EUR to USD is on record.*exchange-rates page/,
    );
  });

  it.each([['0'], ['-1.2'], ['abc']])('given the rate %j, then the request is refused', (rate) => {
    const amount = eur('10', rate);
    expect(!amount.ok && amount.reason).toContain('must be a positive number');
  });

  it('given a rate without a date, then the request is refused', () => {
    expect(eur('10', '1.1', 'yesterday').ok).toBe(false);
  });

  it('given an amount that converts to less than half a cent, then it is refused instead of becoming zero', () => {
    const amount = toCompanyCurrency({ minor: 1, currency: 'JPY' }, 'USD', {
      rate: '0.004',
      date: '2025-03-03',
    });
    expect(!amount.ok && amount.reason).toContain('must be positive');
  });

  it('given an invalid amount in a foreign currency, then it is refused before any conversion', () => {
    expect(eur('0', '1.1').ok).toBe(false);
    expect(eur('1.005', '1.1').ok).toBe(false);
    expect(
      approvalAmount({ value: '5', currency: 'ZZZ', companyCurrency: 'USD', rate: null }).ok,
    ).toBe(false);
  });

  it('given 46,000.00 EUR at 1.0870, then the chain is decided on the converted 50,002.00 USD (above the director)', () => {
    // given
    const amount = eur('46000.00', '1.0870');
    if (!amount.ok) throw new Error(amount.reason);
    // when
    const resolution = resolveApproval(request({ amount: amount.value }), demoOrg());
    // then
    expect(resolution.outcome).toBe('chain');
    expect(
      resolution.outcome === 'chain' && resolution.steps.map((step) => step.approverId),
    ).toEqual(['mia', 'dana', 'victor']);
    expect(resolution.reasons.join('\n')).toContain(
      '50,002.00 USD (46,000.00 EUR at 1.087 on 2025-03-03)',
    );
  });
});
