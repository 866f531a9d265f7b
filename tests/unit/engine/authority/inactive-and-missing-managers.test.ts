import { describe, expect, it } from 'vitest';
import { resolveApproval } from '@/engine/authority';
import { demoOrg, request, usd } from './fixtures/demo-org';

const fallbackToFiona = { kind: 'person', id: 'fiona' } as const;

describe('inactive managers are skipped, and recorded', () => {
  it('given Eli’s manager is inactive, then the director approves and Mia is listed as skipped', () => {
    // given
    const org = demoOrg({ mia: { active: false } });
    // when
    const resolution = resolveApproval(request({ amount: usd('3000.00') }), org);
    // then
    expect(resolution).toMatchObject({
      outcome: 'chain',
      steps: [{ approverId: 'dana', covers: true }],
      skipped: [{ personId: 'mia', cause: 'inactive', reason: 'Skipped Mia Moreno: inactive.' }],
    });
  });

  it('given an inactive director in a longer chain, then the chain continues above her and her limit does not count', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00') }),
      demoOrg({ dana: { active: false } }),
    );
    expect(resolution).toMatchObject({
      outcome: 'chain',
      steps: [{ approverId: 'mia' }, { approverId: 'victor', covers: true }],
      skipped: [{ personId: 'dana' }],
    });
  });

  it('given every manager above is inactive, then the request goes to the fallback because there is no active manager', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00'), fallbackApprover: fallbackToFiona }),
      demoOrg({
        mia: { active: false },
        dana: { active: false },
        victor: { active: false },
        cora: { active: false },
      }),
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      cause: 'no-manager',
      approver: { id: 'fiona' },
    });
    expect(
      resolution.outcome === 'fallback' && resolution.skipped.map((skip) => skip.personId),
    ).toEqual(['mia', 'dana', 'victor', 'cora']);
  });
});

describe('missing managers', () => {
  it('given a requester with no manager, then the request goes to the fallback with that reason', () => {
    const resolution = resolveApproval(
      request({ amount: usd('500.00'), fallbackApprover: fallbackToFiona }),
      demoOrg({ eli: { managerId: null } }),
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      cause: 'no-manager',
      approver: { kind: 'person', id: 'fiona', onBehalfOfId: null },
      reason:
        'Eli Evans has no manager, so there is nobody in the chain to approve 500.00 USD. The task goes to the fallback approver Fiona Fox.',
    });
  });

  it('given the CEO requests with self-authority off, then nobody is above her and the fallback decides', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'cora', amount: usd('500.00'), fallbackApprover: fallbackToFiona }),
      demoOrg(),
    );
    expect(resolution).toMatchObject({ outcome: 'fallback', cause: 'no-manager' });
  });

  it('given a manager id that points at nobody, then the chain breaks there and the fallback decides', () => {
    const resolution = resolveApproval(
      request({ amount: usd('20000.00'), fallbackApprover: fallbackToFiona }),
      demoOrg({ mia: { managerId: 'ghost' } }),
    );
    expect(resolution).toMatchObject({ outcome: 'fallback', cause: 'manager-unknown' });
    expect(resolution.outcome === 'fallback' && resolution.reason).toContain(
      `Mia Moreno's manager (id "ghost") is not in the org chart`,
    );
  });

  it('given a requester who is not in the org chart, then the fallback decides', () => {
    const resolution = resolveApproval(
      request({ requesterId: 'stranger', fallbackApprover: fallbackToFiona }),
      demoOrg(),
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      cause: 'requester-unknown',
      approver: { id: 'fiona' },
    });
  });
});
