import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { previewApprovers } from '@/lib/org/preview-approvers';
import { CURRENCY, demoOrg, person } from './support';

describe('"who would approve?" over the demo org chart', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await demoOrg();
  }, 60_000);
  afterAll(() => handle.close());

  it('sends 12,500 from Sam Patel to Sofia Marino, then Thomas Berg', async () => {
    const sam = await person(handle, 'Sam Patel');

    const result = await previewApprovers(
      { db: handle.db, currency: CURRENCY },
      { requesterId: sam.id, amount: '12500', currency: 'USD', policy: 'chain', selfAuthority: false, fallbackId: null, at: new Date() },
    );

    if (!result.ok) throw new Error(result.reason);
    expect(result.amountText).toBe('12,500.00 USD');
    expect(result.preview.resolution.outcome).toBe('chain');
    const approvers = result.preview.trail.filter((entry) => entry.role === 'approver').map((entry) => entry.name);
    expect(approvers).toEqual(['Sofia Marino', 'Thomas Berg']);
    expect(result.preview.trail.every((entry) => entry.reason.length > 0)).toBe(true);
  });

  it('refuses an amount in a currency without a rate, saying so', async () => {
    const sam = await person(handle, 'Sam Patel');

    const result = await previewApprovers(
      { db: handle.db, currency: CURRENCY },
      { requesterId: sam.id, amount: '1000', currency: 'EUR', policy: 'chain', selfAuthority: false, fallbackId: null, at: new Date() },
    );

    expect(result).toEqual({ ok: false, reason: expect.stringContaining('No exchange rate from EUR to USD') as string });
  });
});
