import { describe, expect, it } from 'vitest';
import { resolveApproval } from '@/engine/authority';
import { demoOrg, request, usd } from './fixtures/demo-org';

const fallbackToFiona = { kind: 'person', id: 'fiona' } as const;

describe('a cycle in the manager chain stops at the first revisited person', () => {
  it('given the VP reports to the director, then the walk stops when it reaches the director again and falls back', () => {
    // given: Dana → Victor → Dana
    const org = demoOrg({ victor: { managerId: 'dana' } });
    // when
    const preview = resolveApproval(
      request({ amount: usd('300000.00'), fallbackApprover: fallbackToFiona }),
      org,
    );
    // then
    expect(preview).toMatchObject({
      outcome: 'fallback',
      cause: 'cycle',
      approver: { id: 'fiona' },
    });
    expect(preview.outcome === 'fallback' && preview.reason).toContain(
      "The manager chain loops: Victor Vance's manager is Dana Diaz, who is already in the chain",
    );
  });

  it('given a cycle above someone who covers the amount, then the cycle is never reached', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00') }),
      demoOrg({ victor: { managerId: 'dana' } }),
    );
    expect(resolution).toMatchObject({
      outcome: 'chain',
      steps: [{ approverId: 'mia' }, { approverId: 'dana' }],
    });
  });

  it('given the chain leads back to the requester, then the requester never approves their own request', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00'), fallbackApprover: fallbackToFiona }),
      demoOrg({ mia: { managerId: 'eli', limit: 1_000 } }),
    );
    expect(resolution).toMatchObject({ outcome: 'fallback', cause: 'cycle' });
    expect(resolution.outcome === 'fallback' && resolution.reason).toContain(
      'the requester, Eli Evans',
    );
  });

  it('given someone is their own manager, then that is a cycle', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00'), fallbackApprover: fallbackToFiona }),
      demoOrg({ mia: { managerId: 'mia' } }),
    );
    expect(resolution).toMatchObject({ outcome: 'fallback', cause: 'cycle' });
  });

  it('given a cycle and no fallback, then there is no approver and the reason names the cycle', () => {
    const resolution = resolveApproval(
      request({ amount: usd('300000.00') }),
      demoOrg({ victor: { managerId: 'dana' } }),
    );
    expect(resolution).toMatchObject({
      outcome: 'no-approver',
      cause: 'cycle',
      fallbackGap: 'none-configured',
    });
  });
});
