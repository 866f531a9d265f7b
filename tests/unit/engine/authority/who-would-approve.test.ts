import { describe, expect, it } from 'vitest';
import { approvalAmount, previewApproval } from '@/engine/authority';
import { delegatesTo, demoOrg, request, usd } from './fixtures/demo-org';

describe('"who would approve?" shows the whole chain with the reason for every step', () => {
  it('given a skipped manager, a delegate and a chain to the VP, then every person considered has a line', () => {
    // given
    const org = demoOrg({ mia: { active: false }, dana: delegatesTo('omar') });
    // when
    const preview = previewApproval(request({ amount: usd('60000.00') }), org);
    // then
    expect(preview.trail).toEqual([
      {
        personId: 'eli',
        name: 'Eli Evans',
        role: 'requester',
        limit: 10_000,
        reason: 'Eli Evans requests 60,000.00 USD; their own limit is 100.00 USD.',
      },
      {
        personId: 'mia',
        name: 'Mia Moreno',
        role: 'skipped',
        limit: 500_000,
        reason: 'Skipped Mia Moreno: inactive.',
      },
      {
        personId: 'dana',
        name: 'Dana Diaz',
        role: 'approver',
        limit: 5_000_000,
        reason:
          'Dana Diaz approves: limit 50,000.00 USD does not cover 60,000.00 USD, so the request then goes on up the chain.',
      },
      {
        personId: 'omar',
        name: 'Omar Ortiz',
        role: 'delegate',
        limit: 5_000_000,
        reason: "Omar Ortiz for Dana Diaz: Dana Diaz's delegation is in effect on 2025-03-10.",
      },
      {
        personId: 'victor',
        name: 'Victor Vance',
        role: 'approver',
        limit: 25_000_000,
        reason:
          'Victor Vance approves: limit 250,000.00 USD covers 60,000.00 USD, so this is the last step.',
      },
    ]);
    expect(preview.resolution).toMatchObject({
      outcome: 'chain',
      steps: [{ approverId: 'omar', onBehalfOfId: 'dana' }, { approverId: 'victor' }],
    });
    expect(preview.resolution.reasons).toEqual(preview.trail.map((entry) => entry.reason));
  });

  it('given a chain that falls back, then the preview shows who was walked and why the fallback takes it', () => {
    const preview = previewApproval(
      request({ amount: usd('300000.00'), fallbackApprover: { kind: 'group', id: 'finance' } }),
      demoOrg({ cora: { active: false } }),
    );
    expect(preview.trail.map((entry) => [entry.personId, entry.role])).toEqual([
      ['eli', 'requester'],
      ['mia', 'passed-over'],
      ['dana', 'passed-over'],
      ['victor', 'passed-over'],
      ['cora', 'skipped'],
      [null, 'end'],
      ['finance', 'fallback'],
    ]);
  });

  it('given a request in another currency, then the preview states the conversion used', () => {
    const amount = approvalAmount({
      value: '1000',
      currency: 'EUR',
      companyCurrency: 'USD',
      rate: { rate: '1.1', date: '2025-03-03' },
    });
    if (!amount.ok) throw new Error(amount.reason);
    const preview = previewApproval(request({ amount: amount.value }), demoOrg());
    expect(preview.trail[0]?.reason).toBe(
      'Eli Evans requests 1,100.00 USD (1,000.00 EUR at 1.1 on 2025-03-03); their own limit is 100.00 USD.',
    );
  });

  it('given an amount that did not come through approvalAmount, then resolution refuses to run', () => {
    expect(() =>
      previewApproval(request({ amount: { ...usd('1.00'), minor: 0 } }), demoOrg()),
    ).toThrow('Expected the approval amount as a positive whole number of minor units');
  });
});
