import { describe, expect, it } from 'vitest';
import type { OrgRow, PersonInput } from '@/lib/org/org-person';
import { planOrgChange } from '@/lib/org/plan-org-change';

const row = (id: string, managerId: string | null, limit: number | null, extra: Partial<OrgRow> = {}): OrgRow => ({
  id,
  name: id.toUpperCase(),
  email: `${id}@org.test`,
  title: '',
  managerId,
  limit,
  active: true,
  delegateId: null,
  delegateFrom: null,
  delegateUntil: null,
  ...extra,
});

// ceo ← vp ← dir ← emp
const org = [row('ceo', null, null), row('vp', 'ceo', 25_000_000), row('dir', 'vp', 5_000_000), row('emp', 'dir', 10_000)];

const input = (person: OrgRow, change: Partial<PersonInput> = {}): PersonInput => ({
  name: person.name,
  email: person.email,
  title: person.title,
  managerId: person.managerId,
  limit: person.limit === null ? 'unlimited' : (person.limit / 100).toFixed(2),
  active: person.active,
  delegateId: person.delegateId,
  delegateFrom: person.delegateFrom,
  delegateUntil: person.delegateUntil,
  ...change,
});

function plan(id: string, change: Partial<PersonInput>, options: { reason?: string; actor?: string | null } = {}) {
  const person = org.find((candidate) => candidate.id === id);
  if (!person) throw new Error(id);
  return planOrgChange(org, [{ id, isNew: false, input: input(person, change) }], {
    currency: 'USD',
    actorEmployeeId: options.actor ?? null,
    reason: options.reason ?? 'because',
  });
}

describe('checking an org-chart change', () => {
  it('accepts a limit at zero and records the change in readable terms', () => {
    const result = plan('emp', { limit: '0' });
    expect(result.valid).toBe(true);
    expect(result.edits[0]?.changes).toEqual([{ field: 'limit', from: '100.00 USD', to: '0.00 USD' }]);
  });

  it('refuses a cycle however long, but not a manager change that keeps the chart a tree', () => {
    expect(plan('vp', { managerId: 'emp' }).edits[0]?.errors).toEqual([
      expect.objectContaining({ field: 'manager', message: expect.stringContaining('VP → EMP → DIR → VP') as string }),
    ]);
    expect(plan('ceo', { managerId: 'ceo' }).edits[0]?.errors[0]?.message).toBe('A person cannot be their own manager.');
    expect(plan('emp', { managerId: 'vp' }).valid).toBe(true);
  });

  it('needs a reason for a limit or manager change only', () => {
    expect(plan('emp', { limit: '200' }, { reason: '' }).edits[0]?.errors.map((error) => error.field)).toEqual(['reason']);
    expect(plan('emp', { managerId: 'vp' }, { reason: '' }).edits[0]?.errors.map((error) => error.field)).toEqual(['reason']);
    expect(plan('emp', { title: 'Buyer' }, { reason: '' }).valid).toBe(true);
  });

  it('refuses a blank limit rather than reading it as unlimited', () => {
    expect(plan('emp', { limit: ' ' }).edits[0]?.errors).toEqual([{ field: 'limit', message: 'Enter a limit, or choose unlimited.' }]);
  });

  it('refuses a delegation to oneself, to nobody with dates, or ending before it starts', () => {
    expect(plan('dir', { delegateId: 'dir' }).edits[0]?.errors[0]).toMatchObject({ field: 'delegate' });
    expect(plan('dir', { delegateFrom: '2026-03-01' }).edits[0]?.errors[0]).toMatchObject({ field: 'delegate' });
    expect(
      plan('dir', { delegateId: 'vp', delegateFrom: '2026-03-10', delegateUntil: '2026-03-01' }).edits[0]?.errors[0],
    ).toMatchObject({ field: 'delegate_until' });
    expect(plan('dir', { delegateId: 'vp', delegateFrom: '2026-03-01', delegateUntil: '2026-03-15' }).valid).toBe(true);
  });

  it('forbids the admin’s own limit, and the last unlimited person’s limit', () => {
    expect(plan('dir', { limit: '60000' }, { actor: 'dir' }).edits[0]?.errors[0]).toMatchObject({ field: 'limit', forbidden: true });
    expect(plan('dir', { title: 'Director' }, { actor: 'dir' }).valid).toBe(true);
    expect(plan('ceo', { limit: '1000000' }).edits[0]?.errors[0]?.message).toContain('last active person with unlimited authority');
    expect(plan('ceo', { active: false }).edits[0]?.errors[0]?.field).toBe('active');
  });
});
