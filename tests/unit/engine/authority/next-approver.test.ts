import { describe, expect, it } from 'vitest';
import { checkDecision, nextApprover } from '@/engine/authority';
import { delegatesTo, demoOrg, request, usd } from './fixtures/demo-org';

const twentyThousand = request({ amount: usd('20000.00') });

describe('each next approver is resolved when their step starts, from the org chart as it is then', () => {
  it('given nothing approved yet, then the first step is the requester’s manager', () => {
    expect(nextApprover(twentyThousand, demoOrg(), [])).toMatchObject({
      outcome: 'next',
      step: { approverId: 'mia', covers: false, status: 'pending' },
      orgVersion: 'org-v1',
    });
  });

  it('given Mia approved, then Dana is next; given Dana approved too, then the approval is complete', () => {
    const org = demoOrg();
    expect(nextApprover(twentyThousand, org, [{ approverId: 'mia' }])).toMatchObject({
      outcome: 'next',
      step: { approverId: 'dana', covers: true },
    });
    expect(
      nextApprover(twentyThousand, org, [{ approverId: 'mia' }, { approverId: 'dana' }]),
    ).toMatchObject({
      outcome: 'complete',
    });
  });

  it('given Dana became inactive after Mia approved, then Victor is next and Dana is recorded as skipped', () => {
    const later = demoOrg({ dana: { active: false } }, [], 'org-v2');
    expect(nextApprover(twentyThousand, later, [{ approverId: 'mia' }])).toMatchObject({
      outcome: 'next',
      step: { approverId: 'victor' },
      skipped: [{ personId: 'dana', cause: 'inactive' }],
      orgVersion: 'org-v2',
    });
  });

  it('given Dana’s delegation starts after Mia approved, then the next step goes to her delegate', () => {
    const later = demoOrg({ dana: delegatesTo('omar') });
    const step = nextApprover({ ...twentyThousand, at: new Date('2025-03-11T09:00:00Z') }, later, [
      { approverId: 'mia' },
    ]);
    expect(step).toMatchObject({
      outcome: 'next',
      step: { approverId: 'omar', onBehalfOfId: 'dana' },
    });
  });

  it('given Omar approved for Dana, then Dana’s step is done and the approval is complete', () => {
    const org = demoOrg({ dana: delegatesTo('omar') });
    expect(
      nextApprover(twentyThousand, org, [
        { approverId: 'mia' },
        { approverId: 'omar', onBehalfOfId: 'dana' },
      ]),
    ).toMatchObject({ outcome: 'complete' });
  });

  it('given someone approved as a delegate and later turns up in the chain, then they are skipped: nobody approves twice', () => {
    // given: Omar approved for Mia; then Omar became Dana's manager
    const org = demoOrg({ dana: { managerId: 'omar' } });
    const step = nextApprover(request({ amount: usd('60000.00') }), org, [
      { approverId: 'omar', onBehalfOfId: 'mia' },
      { approverId: 'dana' },
    ]);
    expect(step).toMatchObject({
      outcome: 'next',
      step: { approverId: 'victor' },
      skipped: [{ personId: 'omar', cause: 'approved-as-delegate' }],
    });
  });

  it('given the chain ran out after some approvals, then the next step is the fallback', () => {
    const step = nextApprover(
      request({ amount: usd('300000.00'), fallbackApprover: { kind: 'person', id: 'fiona' } }),
      demoOrg({ cora: { active: false } }),
      [{ approverId: 'mia' }, { approverId: 'dana' }],
    );
    expect(step).toMatchObject({ outcome: 'fallback', approver: { id: 'fiona' } });
  });

  it('given the fallback approved, then the approval is complete', () => {
    const step = nextApprover(
      request({ amount: usd('300000.00'), fallbackApprover: { kind: 'person', id: 'fiona' } }),
      demoOrg({ cora: { active: false } }),
      [{ approverId: 'fiona', asFallback: true }],
    );
    expect(step.outcome).toBe('complete');
  });

  it('given self-authority and approvals already under way, then self-authority is not applied again', () => {
    const step = nextApprover(
      request({ amount: usd('3000.00'), selfAuthority: true }),
      demoOrg({ eli: { limit: null } }),
      [{ approverId: 'mia' }],
    );
    expect(step.outcome).toBe('complete');
  });

  it('given a limit lowered before Dana decides, then her approval counts, is not final, and Victor is next', () => {
    // given: Dana's limit drops from 50,000 to 10,000 while her task is open
    const lowered = demoOrg({ dana: { limit: 1_000_000 } }, [], 'org-v2');
    // when
    const check = checkDecision({ approverId: 'dana' }, twentyThousand.amount, lowered);
    const next = nextApprover(twentyThousand, lowered, [
      { approverId: 'mia' },
      { approverId: 'dana' },
    ]);
    // then
    expect(check).toMatchObject({ counts: true, final: false });
    expect(next).toMatchObject({ outcome: 'next', step: { approverId: 'victor', covers: true } });
  });
});
