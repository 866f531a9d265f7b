import { describe, expect, it } from 'vitest';
import { nextApprover, resolveApproval } from '@/engine/authority';
import { demoOrg, request, usd } from './fixtures/demo-org';

const twentyThousand = request({ amount: usd('20000.00') });
const mia = { approverId: 'mia' };

describe('a step handed to someone else is approved with their own limit', () => {
  it('given Pat approved Dana’s step with his own 5,000.00, then that step does not end the chain and Victor is next', () => {
    const approvals = [mia, { approverId: 'pat', onBehalfOfId: 'dana', authorityId: 'pat' }];

    expect(nextApprover(twentyThousand, demoOrg(), approvals)).toMatchObject({
      outcome: 'next',
      step: { approverId: 'victor', covers: true, status: 'pending' },
    });
    const resolution = resolveApproval(
      { ...twentyThousand, alreadyApproved: approvals },
      demoOrg(),
    );
    expect(resolution).toMatchObject({
      outcome: 'chain',
      steps: [
        { approverId: 'mia', status: 'approved' },
        {
          approverId: 'pat',
          onBehalfOfId: 'dana',
          status: 'approved',
          covers: false,
          reason: expect.stringContaining(
            "Pat Park's own limit of 5,000.00 USD, which does not cover",
          ) as string,
        },
        { approverId: 'victor', status: 'pending' },
      ],
    });
  });

  it('given Omar approved Dana’s step with his own 50,000.00, then the approval is complete', () => {
    const approvals = [mia, { approverId: 'omar', onBehalfOfId: 'dana', authorityId: 'omar' }];
    expect(nextApprover(twentyThousand, demoOrg(), approvals)).toMatchObject({
      outcome: 'complete',
    });
  });

  it('given Dana approved Mia’s step with her own limit, then she is not asked again for her own step', () => {
    const sixtyThousand = request({ amount: usd('60000.00') });
    const approvals = [{ approverId: 'dana', onBehalfOfId: 'mia', authorityId: 'dana' }];
    expect(nextApprover(sixtyThousand, demoOrg(), approvals)).toMatchObject({
      outcome: 'next',
      step: { approverId: 'victor' },
      skipped: [{ personId: 'dana', cause: 'approved-as-delegate' }],
    });
  });
});
