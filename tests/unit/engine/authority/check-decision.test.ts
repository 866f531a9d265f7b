import { describe, expect, it } from 'vitest';
import { checkDecision } from '@/engine/authority';
import { delegatesTo, demoOrg, usd } from './fixtures/demo-org';

const amount = usd('20000.00');

describe('the acting approver’s limit is checked again when they decide', () => {
  it('given Dana’s limit still covers the amount, then her approval is final', () => {
    expect(checkDecision({ approverId: 'dana' }, amount, demoOrg())).toEqual({
      counts: true,
      final: true,
      authorityId: 'dana',
      limit: 5_000_000,
      orgVersion: 'org-v1',
      reason:
        'Dana Diaz approved with a limit of 50,000.00 USD, which covers 20,000.00 USD: the approval is final.',
    });
  });

  it('given Dana’s limit was lowered to one cent below the amount, then her approval counts but is not final', () => {
    const lowered = demoOrg({ dana: { limit: 1_999_999 } }, [], 'org-v2');
    expect(checkDecision({ approverId: 'dana' }, amount, lowered)).toEqual({
      counts: true,
      final: false,
      authorityId: 'dana',
      limit: 1_999_999,
      orgVersion: 'org-v2',
      reason:
        'Dana Diaz approved with a limit of 19,999.99 USD, which does not cover 20,000.00 USD: the approval counts, and the request goes on to the next approver.',
    });
  });

  it('given an intermediate step of a chain, then the approval counts and the chain goes on', () => {
    expect(checkDecision({ approverId: 'mia' }, amount, demoOrg())).toMatchObject({
      counts: true,
      final: false,
    });
  });

  it('given a delegate decides, then the authority used is the delegator’s, as it is now', () => {
    const org = demoOrg({ dana: delegatesTo('omar'), omar: { limit: 0 } });
    expect(checkDecision({ approverId: 'omar', onBehalfOfId: 'dana' }, amount, org)).toMatchObject({
      counts: true,
      final: true,
      authorityId: 'dana',
      limit: 5_000_000,
    });
  });

  it('given the delegator became inactive meanwhile, then the delegate’s approval counts but is not final', () => {
    const org = demoOrg({ dana: { active: false } });
    expect(checkDecision({ approverId: 'omar', onBehalfOfId: 'dana' }, amount, org)).toMatchObject({
      counts: true,
      final: false,
    });
  });

  it('given the approver is inactive or unknown, then the decision does not count', () => {
    expect(
      checkDecision({ approverId: 'dana' }, amount, demoOrg({ dana: { active: false } })),
    ).toMatchObject({
      counts: false,
      final: false,
    });
    expect(checkDecision({ approverId: 'ghost' }, amount, demoOrg())).toMatchObject({
      counts: false,
      final: false,
    });
  });

  it('given the fallback approver decides, then the decision is final whatever their limit', () => {
    expect(
      checkDecision({ approverId: 'pat', asFallback: true }, usd('300000.00'), demoOrg()),
    ).toMatchObject({ counts: true, final: true, authorityId: 'pat' });
  });
});
