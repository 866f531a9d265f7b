import { describe, expect, it } from 'vitest';
import { resolveApproval, type ApprovalResolution } from '@/engine/authority';
import { demoOrg, request, usd } from './fixtures/demo-org';

function approvers(resolution: ApprovalResolution): string[] {
  if (resolution.outcome !== 'chain')
    throw new Error(`Expected a chain, but got ${resolution.outcome}.`);
  return resolution.steps.map((step) => step.approverId);
}

describe('policy chain: every manager up to and including the first whose limit covers the amount', () => {
  it.each([
    ['0.01', ['mia']],
    ['100.01', ['mia']],
    ['5000.00', ['mia']],
    ['5000.01', ['mia', 'dana']],
    ['50000.00', ['mia', 'dana']],
    ['50000.01', ['mia', 'dana', 'victor']],
    ['250000.00', ['mia', 'dana', 'victor']],
    ['250000.01', ['mia', 'dana', 'victor', 'cora']],
    ['90000000000.00', ['mia', 'dana', 'victor', 'cora']],
  ])('given Eli requests %s USD, then %j approve in turn', (amount, expected) => {
    const resolution = resolveApproval(request({ amount: usd(amount) }), demoOrg());
    expect(approvers(resolution)).toEqual(expected);
  });

  it('given an amount needing every level of the five-level chart, then each step says whether its limit covers it', () => {
    // when
    const resolution = resolveApproval(request({ amount: usd('300000.00') }), demoOrg());
    // then
    expect(resolution).toMatchObject({
      outcome: 'chain',
      orgVersion: 'org-v1',
      skipped: [],
      steps: [
        { approverId: 'mia', onBehalfOfId: null, limit: 500_000, covers: false, status: 'pending' },
        { approverId: 'dana', limit: 5_000_000, covers: false },
        { approverId: 'victor', limit: 25_000_000, covers: false },
        { approverId: 'cora', limit: null, covers: true },
      ],
    });
    const steps = resolution.outcome === 'chain' ? resolution.steps : [];
    expect(steps[0]?.reason).toBe(
      'Mia Moreno approves: limit 5,000.00 USD does not cover 300,000.00 USD, so the request then goes on up the chain.',
    );
    expect(steps[3]?.reason).toBe(
      'Cora Chen approves: limit unlimited covers 300,000.00 USD, so this is the last step.',
    );
  });

  it('given an amount exactly at the director limit, then the director is the last step; one cent above, the VP', () => {
    const atLimit = resolveApproval(request({ amount: usd('50000.00') }), demoOrg());
    const centAbove = resolveApproval(request({ amount: usd('50000.01') }), demoOrg());
    expect(approvers(atLimit).at(-1)).toBe('dana');
    expect(approvers(centAbove).at(-1)).toBe('victor');
  });

  it('given a requester who is a manager, then the chain starts at their own manager', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'mia', amount: usd('60000.00') }),
      demoOrg(),
    );
    expect(approvers(resolution)).toEqual(['dana', 'victor']);
  });

  it('given a director requests within her own limit with self-authority off, then her VP approves', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'dana', amount: usd('20000.00') }),
      demoOrg(),
    );
    expect(approvers(resolution)).toEqual(['victor']);
  });

  it('given the resolution, then it is plain JSON that round-trips unchanged', () => {
    const resolution = resolveApproval(request({ amount: usd('60000.00') }), demoOrg());
    expect(JSON.parse(JSON.stringify(resolution))).toEqual(resolution);
  });
});

describe('policy first-qualified: only the first manager whose limit covers the amount', () => {
  it.each([
    ['100.01', 'mia'],
    ['5000.01', 'dana'],
    ['50000.00', 'dana'],
    ['50000.01', 'victor'],
    ['250000.01', 'cora'],
  ])('given Eli requests %s USD, then only %s approves', (amount, expected) => {
    const resolution = resolveApproval(
      request({ amount: usd(amount), policy: 'first-qualified' }),
      demoOrg(),
    );
    expect(approvers(resolution)).toEqual([expected]);
  });

  it('given the same request under both policies, then chain asks everyone on the way and first-qualified only the last', () => {
    const chain = resolveApproval(request({ amount: usd('20000.00'), policy: 'chain' }), demoOrg());
    const firstQualified = resolveApproval(
      request({ amount: usd('20000.00'), policy: 'first-qualified' }),
      demoOrg(),
    );
    expect(approvers(chain)).toEqual(['mia', 'dana']);
    expect(approvers(firstQualified)).toEqual(['dana']);
    expect(firstQualified.reasons).toContain(
      'Passed over Mia Moreno: limit 5,000.00 USD does not cover 20,000.00 USD, and the policy is first-qualified.',
    );
  });

  it('given nobody in the chain covers the amount, then first-qualified falls back like chain does', () => {
    const resolution = resolveApproval(
      request({
        amount: usd('300000.00'),
        policy: 'first-qualified',
        fallbackApprover: { kind: 'person', id: 'fiona' },
      }),
      demoOrg({ cora: { active: false } }),
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      cause: 'chain-exhausted',
      approver: { id: 'fiona' },
    });
  });
});
