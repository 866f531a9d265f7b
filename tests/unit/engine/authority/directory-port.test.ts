import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  checkDecisionAsync,
  createOrgSnapshot,
  nextApprover,
  nextApproverAsync,
  previewApproval,
  previewApprovalAsync,
  resolveApproval,
  resolveApprovalAsync,
  snapshotDirectory,
  type ApprovalRequest,
  type Directory,
  type OrgChartSnapshot,
  type Person,
} from '@/engine/authority';
import { delegatesTo, demoOrg, person, request, usd } from './fixtures/demo-org';

/** The port over a snapshot, counting every read the resolver makes. */
function countingDirectory(org: OrgChartSnapshot, withChainQuery = false) {
  const inner = snapshotDirectory(org);
  const counts = { getPerson: 0, getManagerChain: 0, version: 0 };
  const directory: Directory = {
    getPerson: (id) => {
      counts.getPerson += 1;
      return inner.getPerson(id);
    },
    findByEmail: (email) => inner.findByEmail(email),
    version: () => {
      counts.version += 1;
      return inner.version();
    },
  };
  if (withChainQuery) {
    directory.getManagerChain = (id) => {
      counts.getManagerChain += 1;
      const chain: Person[] = [];
      const seen = new Set<string>();
      for (let current = org.getPerson(id); current && !seen.has(current.id);) {
        chain.push(current);
        seen.add(current.id);
        current = current.managerId ? org.getPerson(current.managerId) : null;
      }
      return Promise.resolve(chain);
    };
  }
  return { directory, counts };
}

/**
 * 10,000 people in a binary tree: person i reports to person ⌊(i − 1) / 2⌋,
 * so person 8000 sits 12 levels below the CEO. Limits shrink with depth.
 */
function largeOrg(): OrgChartSnapshot {
  const people: Person[] = [];
  for (let index = 0; index < 10_000; index += 1) {
    const depth = Math.floor(Math.log2(index + 1));
    people.push(
      person(
        `p${index}`,
        `Person ${index}`,
        index === 0 ? null : `p${Math.floor((index - 1) / 2)}`,
        index === 0 ? null : (13 - depth) * 100_000,
      ),
    );
  }
  return createOrgSnapshot(people, 'large-v1');
}

const scenarios: Array<[string, ApprovalRequest, OrgChartSnapshot]> = [
  ['a plain chain', request({ amount: usd('60000.00') }), demoOrg()],
  ['self-approval', request({ amount: usd('50.00'), selfAuthority: true }), demoOrg()],
  [
    'first-qualified with an inactive manager',
    request({ amount: usd('20000.00'), policy: 'first-qualified' }),
    demoOrg({ dana: { active: false } }),
  ],
  [
    'a delegation',
    request({ amount: usd('20000.00') }),
    demoOrg({ dana: delegatesTo('omar'), omar: delegatesTo('pat') }),
  ],
  [
    'a cycle with a fallback',
    request({ amount: usd('300000.00'), fallbackApprover: { kind: 'person', id: 'fiona' } }),
    demoOrg({ victor: { managerId: 'dana' } }),
  ],
  ['no approver', request({ amount: usd('300000.00') }), demoOrg({ cora: { active: false } })],
];

describe('the engine reads the org chart through the directory port with the same rules', () => {
  it.each(scenarios)(
    'given %s, then the port gives the same result as the snapshot',
    async (_, approval, org) => {
      const { directory } = countingDirectory(org);
      expect(await resolveApprovalAsync(approval, directory)).toEqual(
        resolveApproval(approval, org),
      );
      expect(await previewApprovalAsync(approval, directory)).toEqual(
        previewApproval(approval, org),
      );
      expect(await nextApproverAsync(approval, directory, [{ approverId: 'mia' }])).toEqual(
        nextApprover(approval, org, [{ approverId: 'mia' }]),
      );
      expect(await checkDecisionAsync({ approverId: 'dana' }, approval.amount, directory)).toEqual(
        checkDecision({ approverId: 'dana' }, approval.amount, org),
      );
    },
  );

  it('given a 10,000-person org 12 levels deep, then a resolution reads only the requester and their 12 managers', async () => {
    // given
    const org = largeOrg();
    const { directory, counts } = countingDirectory(org);
    // when
    const resolution = await resolveApprovalAsync(
      request({ requesterId: 'p8000', amount: usd('1200000.00') }),
      directory,
    );
    // then
    expect(resolution.outcome === 'chain' && resolution.steps.length).toBe(12);
    expect(resolution.outcome === 'chain' && resolution.steps.at(-1)?.approverId).toBe('p0');
    expect(counts).toEqual({ getPerson: 13, getManagerChain: 0, version: 1 });
  });

  it('given an adapter that answers the whole manager chain in one query, then no person is read one by one', async () => {
    const org = largeOrg();
    const { directory, counts } = countingDirectory(org, true);
    const approval = request({ requesterId: 'p8000', amount: usd('1200000.00') });
    expect(await resolveApprovalAsync(approval, directory)).toEqual(resolveApproval(approval, org));
    expect(counts).toEqual({ getPerson: 0, getManagerChain: 1, version: 1 });
  });
});
