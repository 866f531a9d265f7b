import { describe, expect, it } from 'vitest';
import { resolveApproval, type ApprovalResolution, type ApprovalStep } from '@/engine/authority';
import { delegatesTo, demoOrg, person, request, usd } from './fixtures/demo-org';

function steps(resolution: ApprovalResolution): ApprovalStep[] {
  if (resolution.outcome !== 'chain')
    throw new Error(`Expected a chain, but got ${resolution.outcome}.`);
  return resolution.steps;
}

const twentyThousand = usd('20000.00');

describe('delegation: a task that would go to someone away goes to their delegate, recorded "X for Y"', () => {
  it('given Dana delegates to Omar for the dates of the request, then Omar approves for Dana with Dana’s limit', () => {
    // given
    const org = demoOrg({ dana: delegatesTo('omar') });
    // when
    const resolution = resolveApproval(request({ amount: twentyThousand }), org);
    // then
    expect(steps(resolution)).toMatchObject([
      { approverId: 'mia', onBehalfOfId: null },
      {
        approverId: 'omar',
        onBehalfOfId: 'dana',
        authorityId: 'dana',
        limit: 5_000_000,
        covers: true,
      },
    ]);
    expect(steps(resolution)[1]?.reason).toBe(
      "Dana Diaz approves: limit 50,000.00 USD covers 20,000.00 USD, so this is the last step. Omar Ortiz for Dana Diaz: Dana Diaz's delegation is in effect on 2025-03-10.",
    );
  });

  it.each([
    ['before it starts', new Date('2025-02-28T23:59:59Z')],
    ['at the instant it ends (the end is exclusive)', new Date('2025-03-16T00:00:00Z')],
    ['after it ends', new Date('2025-04-01T00:00:00Z')],
  ])('given the request is resolved %s, then the task stays with Dana', (_, at) => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand, at }),
      demoOrg({ dana: delegatesTo('omar') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'dana', onBehalfOfId: null });
    expect(steps(resolution)[1]?.reason).toContain("Dana Diaz's delegation is not in effect on");
  });

  it('given the first instant of the range, then the delegation is in effect', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand, at: new Date('2025-03-01T00:00:00Z').getTime() }),
      demoOrg({ dana: delegatesTo('omar') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'omar', onBehalfOfId: 'dana' });
  });

  it('given a delegation with open bounds, then it is in effect until further notice', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: { delegateId: 'omar', delegateFrom: null, delegateUntil: null } }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'omar', onBehalfOfId: 'dana' });
  });

  it('given Dana delegates to the requester, then the task stays with Dana', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('eli') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'dana', onBehalfOfId: null });
    expect(steps(resolution)[1]?.reason).toContain(
      "Dana Diaz's delegation to Eli Evans is not followed: Eli Evans is the requester, and nobody approves their own request; the task stays with Dana Diaz.",
    );
  });

  it('given Dana delegates to Mia, who approves earlier in the same chain, then the task stays with Dana', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('mia') }),
    );
    expect(steps(resolution).map((step) => step.approverId)).toEqual(['mia', 'dana']);
    expect(steps(resolution)[1]?.reason).toContain(
      'Mia Moreno is already in this approval chain, and nobody approves twice',
    );
  });

  it('given Mia delegates to Dana, who approves later in the same chain, then the task stays with Mia', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ mia: delegatesTo('dana') }),
    );
    expect(steps(resolution).map((step) => step.approverId)).toEqual(['mia', 'dana']);
  });

  it('given two people in the chain delegate to the same person, then only the first step goes to that delegate', () => {
    const resolution = resolveApproval(
      request({ amount: usd('60000.00') }),
      demoOrg({ dana: delegatesTo('omar'), victor: delegatesTo('omar') }),
    );
    expect(steps(resolution)).toMatchObject([
      { approverId: 'mia' },
      { approverId: 'omar', onBehalfOfId: 'dana' },
      { approverId: 'victor', onBehalfOfId: null },
    ]);
  });

  it('given Omar, Dana’s delegate, is away too and delegates to Pat, then Omar still gets the task: delegation does not cascade', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('omar'), omar: delegatesTo('pat') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'omar', onBehalfOfId: 'dana' });
    expect(steps(resolution)[1]?.reason).toContain(
      "Omar Ortiz's own delegation is not followed: delegation does not cascade.",
    );
  });

  it('given Dana and Omar delegate to each other, then the loop leaves the task with Dana', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('omar'), omar: delegatesTo('dana') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'dana', onBehalfOfId: null });
    expect(steps(resolution)[1]?.reason).toContain('the delegations form a loop back to Dana Diaz');
  });

  it('given a longer loop Dana → Omar → Pat → Dana, then the task stays with Dana', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('omar'), omar: delegatesTo('pat'), pat: delegatesTo('dana') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'dana', onBehalfOfId: null });
  });

  it('given a loop that does not come back to Dana (Omar ↔ Pat), then Omar takes Dana’s task', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('omar'), omar: delegatesTo('pat'), pat: delegatesTo('omar') }),
    );
    expect(steps(resolution)[1]).toMatchObject({ approverId: 'omar', onBehalfOfId: 'dana' });
  });

  it.each([
    ['inactive', { omar: { active: false } }, 'omar', 'Omar Ortiz is inactive'],
    ['not in the org chart', {}, 'ghost', 'that person is not in the org chart'],
  ])(
    'given Dana’s delegate is %s, then the task stays with Dana',
    (_, changes, delegateId, why) => {
      const resolution = resolveApproval(
        request({ amount: twentyThousand }),
        demoOrg({ ...changes, dana: delegatesTo(delegateId) }),
      );
      expect(steps(resolution)[1]).toMatchObject({ approverId: 'dana', onBehalfOfId: null });
      expect(steps(resolution)[1]?.reason).toContain(why);
    },
  );

  it('given a delegate from outside the management chain with no authority of their own, then they still act with Dana’s limit', () => {
    const assistant = person('sam', 'Sam Stone', 'dana', 0);
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ dana: delegatesTo('sam') }, [assistant]),
    );
    expect(steps(resolution)[1]).toMatchObject({
      approverId: 'sam',
      onBehalfOfId: 'dana',
      limit: 5_000_000,
      covers: true,
    });
  });

  it('given an inactive manager with a delegate, then the manager is skipped, not delegated', () => {
    const resolution = resolveApproval(
      request({ amount: twentyThousand }),
      demoOrg({ mia: { active: false, ...delegatesTo('pat') } }),
    );
    expect(steps(resolution).map((step) => step.approverId)).toEqual(['dana']);
  });
});
