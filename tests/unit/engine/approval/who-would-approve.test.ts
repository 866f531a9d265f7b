import { describe, expect, it } from 'vitest';
import { whoWouldApprove } from '@/engine/approval';
import { snapshotDirectory } from '@/engine/authority';
import { delegatesTo, demoOrg, MARCH_10 } from '../authority/fixtures/demo-org';
import { email } from './fixtures';

const ports = (org = demoOrg()) => ({ directory: snapshotDirectory(org), companyCurrency: 'USD' });

describe('"who would approve?" previews the chain the engine would walk', () => {
  it('given 20,000.00 from Eli and Dana delegating to Omar, then Mia, then Omar for Dana, with a line per person', async () => {
    const preview = await whoWouldApprove(
      {
        requesterEmail: email('eli'),
        amount: '20000.00',
        currency: 'USD',
        policy: 'chain',
        at: MARCH_10,
      },
      ports(demoOrg({ dana: delegatesTo('omar') })),
    );
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.amount.minor).toBe(2_000_000);
    expect(preview.value.resolution).toMatchObject({
      outcome: 'chain',
      steps: [
        expect.objectContaining({ approverId: 'mia' }),
        expect.objectContaining({ approverId: 'omar', onBehalfOfId: 'dana' }),
      ],
    });
    expect(preview.value.trail.map((line) => line.role)).toContain('delegate');
  });

  it('given a fallback group and an exhausted chain, then the group is shown', async () => {
    const preview = await whoWouldApprove(
      { requesterEmail: email('eli'), amount: 300000, fallback: 'group:finance', at: MARCH_10 },
      ports(demoOrg({ cora: { active: false } })),
    );
    expect(preview.ok && preview.value.resolution).toMatchObject({
      outcome: 'fallback',
      approver: { kind: 'group', id: 'finance' },
    });
  });

  it('given an invalid amount, a missing rate or an unknown requester, then it is refused with the reason', async () => {
    expect(
      await whoWouldApprove(
        { requesterEmail: email('eli'), amount: '1.001', at: MARCH_10 },
        ports(),
      ),
    ).toMatchObject({ ok: false });
    expect(
      await whoWouldApprove(
        { requesterEmail: email('eli'), amount: 10, currency: 'EUR', at: MARCH_10 },
        ports(),
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('No exchange rate') as string,
    });
    expect(
      await whoWouldApprove(
        { requesterEmail: 'nobody@demo.baton.test', amount: 10, at: MARCH_10 },
        ports(),
      ),
    ).toMatchObject({ ok: false });
  });
});
