import { describe, expect, it } from 'vitest';
import { nextApprover, resolveApproval } from '@/engine/authority';
import { delegatesTo, demoOrg, request, usd } from './fixtures/demo-org';

/** Cora, the only unlimited authority, is inactive: nobody covers 300,000.00 USD. */
const exhausted = demoOrg({ cora: { active: false } });
const big = usd('300000.00');

describe('a chain that runs out below the amount goes to the fallback approver, never to an automatic approval', () => {
  it('given a fallback person, then the task goes to that person with the reason', () => {
    const resolution = resolveApproval(
      request({ amount: big, fallbackApprover: { kind: 'person', id: 'fiona' } }),
      exhausted,
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      cause: 'chain-exhausted',
      approver: { kind: 'person', id: 'fiona', onBehalfOfId: null },
      skipped: [{ personId: 'cora', cause: 'inactive' }],
      reason:
        'The manager chain ends at Cora Chen and nobody in it has a limit that covers 300,000.00 USD. The task goes to the fallback approver Fiona Fox.',
    });
  });

  it('given a fallback group, then the group queue gets the task, and the requester may not claim it', () => {
    const resolution = resolveApproval(
      request({ amount: big, fallbackApprover: { kind: 'group', id: 'finance' } }),
      exhausted,
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      approver: { kind: 'group', id: 'finance', excludeIds: ['eli'] },
    });
  });

  it('given no fallback configured, then there is no approver and the reason names the gap for the incident', () => {
    const resolution = resolveApproval(request({ amount: big, fallbackApprover: null }), exhausted);
    expect(resolution).toEqual({
      outcome: 'no-approver',
      cause: 'chain-exhausted',
      fallbackGap: 'none-configured',
      reason:
        'The manager chain ends at Cora Chen and nobody in it has a limit that covers 300,000.00 USD. No approver: no fallback approver is configured for this approval. Configure one, or fix the org chart.',
      skipped: [{ personId: 'cora', cause: 'inactive', reason: 'Skipped Cora Chen: inactive.' }],
      orgVersion: 'org-v1',
      reasons: expect.any(Array) as unknown,
    });
  });

  it.each([
    ['the requester', 'eli', {}, 'person-is-requester'],
    ['inactive', 'fiona', { fiona: { active: false } }, 'person-inactive'],
    ['unknown', 'nobody', {}, 'person-unknown'],
  ] as const)(
    'given a fallback person who is %s, then there is no approver',
    (_, id, changes, gap) => {
      const resolution = resolveApproval(
        request({ amount: big, fallbackApprover: { kind: 'person', id } }),
        demoOrg({ cora: { active: false }, ...changes }),
      );
      expect(resolution).toMatchObject({ outcome: 'no-approver', fallbackGap: gap });
    },
  );

  it('given the fallback person already approved in this chain, then they do not approve twice', () => {
    // given: Mia approved the first step, then Cora left and the chain ran out
    const resolution = nextApprover(
      request({ amount: big, fallbackApprover: { kind: 'person', id: 'mia' } }),
      exhausted,
      [{ approverId: 'mia' }],
    );
    expect(resolution).toMatchObject({
      outcome: 'no-approver',
      fallbackGap: 'person-already-approved',
    });
  });

  it('given a fallback group after some approvals, then those approvers may not claim the group task either', () => {
    const resolution = nextApprover(
      request({ amount: big, fallbackApprover: { kind: 'group', id: 'finance' } }),
      exhausted,
      [{ approverId: 'mia' }, { approverId: 'omar', onBehalfOfId: 'dana' }],
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      approver: { kind: 'group', excludeIds: ['eli', 'mia', 'omar', 'dana'] },
    });
  });

  it('given the fallback person is away with a delegate, then the delegate takes the task for them', () => {
    const resolution = resolveApproval(
      request({ amount: big, fallbackApprover: { kind: 'person', id: 'fiona' } }),
      demoOrg({ cora: { active: false }, fiona: delegatesTo('omar') }),
    );
    expect(resolution).toMatchObject({
      outcome: 'fallback',
      approver: { kind: 'person', id: 'omar', onBehalfOfId: 'fiona' },
    });
    expect(resolution.reasons).toContain(
      "Omar Ortiz for Fiona Fox: Fiona Fox's delegation is in effect on 2025-03-10.",
    );
  });
});
