import { describe, expect, it } from 'vitest';
import { resolveApproval } from '@/engine/authority';
import { demoOrg, request, usd } from './fixtures/demo-org';

describe('self-authority', () => {
  it("given self-authority on and an amount exactly at the requester's own limit, then it is approved without a task", () => {
    // given
    const onAtLimit = request({ selfAuthority: true, amount: usd('100.00') });
    // when
    const resolution = resolveApproval(onAtLimit, demoOrg());
    // then
    expect(resolution).toEqual({
      outcome: 'self-approved',
      limit: 10_000,
      orgVersion: 'org-v1',
      reasons: [
        'Eli Evans requests 100.00 USD; their own limit is 100.00 USD.',
        "Approved by self-authority: Eli Evans's own limit of 100.00 USD covers 100.00 USD, so no approval task is created.",
      ],
    });
  });

  it('given self-authority on and an amount one cent above the own limit, then the manager chain decides', () => {
    const resolution = resolveApproval(
      request({ selfAuthority: true, amount: usd('100.01') }),
      demoOrg(),
    );
    expect(resolution).toMatchObject({ outcome: 'chain', steps: [{ approverId: 'mia' }] });
    expect(resolution.reasons).toContain(
      "Self-authority does not apply: Eli Evans's own limit of 100.00 USD does not cover 100.01 USD.",
    );
  });

  it('given self-authority off, then even an amount within the own limit goes to the manager, with the reason', () => {
    const resolution = resolveApproval(
      request({ selfAuthority: false, amount: usd('50.00') }),
      demoOrg(),
    );
    expect(resolution).toMatchObject({ outcome: 'chain', steps: [{ approverId: 'mia' }] });
    expect(resolution.reasons).toContain(
      "Self-authority is off for this approval: Eli Evans's own limit covers the amount, but the request still goes to the manager chain.",
    );
  });

  it('given a manager requests within her limit with self-authority on, then it is self-approved', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'mia', selfAuthority: true, amount: usd('5000.00') }),
      demoOrg(),
    );
    expect(resolution.outcome).toBe('self-approved');
  });

  it('given the CEO requests any amount with self-authority on, then unlimited authority covers it', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'cora', selfAuthority: true, amount: usd('90000000000.00') }),
      demoOrg(),
    );
    expect(resolution).toMatchObject({ outcome: 'self-approved', limit: null });
  });

  it('given an inactive requester with self-authority on, then their own limit does not approve', () => {
    const resolution = resolveApproval(
      request({ selfAuthority: true, amount: usd('50.00') }),
      demoOrg({ eli: { active: false } }),
    );
    expect(resolution).toMatchObject({ outcome: 'chain', steps: [{ approverId: 'mia' }] });
    expect(resolution.reasons).toContain('Self-authority does not apply: Eli Evans is inactive.');
  });

  it('given self-authority off, then no org chart ever yields an automatic approval', () => {
    const orgs = [
      demoOrg(),
      demoOrg({ mia: { managerId: null } }),
      demoOrg({ eli: { managerId: null } }),
      demoOrg({ victor: { managerId: 'dana' } }),
      demoOrg({ cora: { active: false } }),
    ];
    for (const org of orgs) {
      for (const amount of ['0.01', '100.00', '300000.00']) {
        const outcome = resolveApproval(request({ amount: usd(amount) }), org).outcome;
        expect(outcome).not.toBe('self-approved');
      }
    }
  });
});
