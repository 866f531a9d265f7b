import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { tasks } from '@/db/schema';
import { countInbox } from '@/lib/tasks/count-inbox';
import { inboxScope } from '@/lib/tasks/inbox-scope';
import { inboxQuerySchema, listInbox } from '@/lib/tasks/list-inbox';
import type { TaskActor } from '@/lib/tasks/task-actor';
import { freshDatabase } from '../support/database';

const mia: TaskActor = { email: 'mia@org.test', role: 'member' };
const NOW = new Date('2026-06-15T12:00:00Z');
const query = (raw: Record<string, string> = {}) => inboxQuerySchema.parse(raw);

/**
 * 40,000 open and completed tasks of other people, and Mia's own: 30 assigned
 * to her (every third one overdue, amounts rising), 4 offered to her group,
 * 2 offered to her by name, 1 delegated to her, and 3 already completed.
 */
async function fill(db: DatabaseHandle['db']) {
  await db.execute(sql`
    INSERT INTO tasks (id, instance_id, process_id, element_id, name, assignee, candidate_groups, status, created_at, details)
    SELECT 'other-' || n, 'i-' || n, CASE WHEN n % 2 = 0 THEN 'purchase' ELSE 'leave' END, 'Task', 'Task',
           CASE WHEN n % 5 = 0 THEN NULL ELSE 'person' || (n % 2000) || '@org.test' END,
           CASE WHEN n % 5 = 0 THEN ARRAY['finance'] ELSE '{}'::text[] END,
           CASE WHEN n % 3 = 0 THEN 'completed' ELSE 'open' END,
           timestamptz '2026-01-01' + n * interval '1 minute', '{}'::jsonb
    FROM generate_series(1, 40000) AS n`);
  await db.execute(sql`
    INSERT INTO tasks (id, instance_id, process_id, element_id, name, assignee, status, created_at, due_date, details)
    SELECT 'mine-' || n, 'm-' || n, CASE WHEN n <= 20 THEN 'purchase' ELSE 'leave' END, 'Approve', 'Approve', 'mia@org.test', 'open',
           timestamptz '2026-06-01' + n * interval '1 hour',
           CASE WHEN n % 3 = 0 THEN '2026-06-0' || (1 + n % 9) ELSE '2026-07-01' END,
           jsonb_build_object('approval', true, 'amountMinor', n * 1000, 'amount', '$' || (n * 10))
    FROM generate_series(1, 30) AS n`);
  await db.insert(tasks).values([
    ...[1, 2, 3, 4].map((n) => ({ id: `group-${n}`, instanceId: `g-${n}`, processId: 'purchase', elementId: 'Review', assignee: null, candidateGroups: ['member'], status: 'open' as const, createdAt: new Date(`2026-06-10T0${n}:00:00Z`) })),
    ...[1, 2].map((n) => ({ id: `named-${n}`, instanceId: `u-${n}`, processId: 'purchase', elementId: 'Review', assignee: null, candidateUsers: ['mia@org.test'], status: 'open' as const, createdAt: new Date(`2026-06-11T0${n}:00:00Z`) })),
    { id: 'delegated-1', instanceId: 'd-1', processId: 'purchase', elementId: 'Approve', assignee: 'mia@org.test', status: 'open' as const, createdAt: new Date('2026-06-12T00:00:00Z'), details: { approval: true, onBehalfOf: 'dana@org.test', onBehalfOfName: 'Dana' } },
    ...[1, 2, 3].map((n) => ({ id: `done-${n}`, instanceId: `c-${n}`, processId: 'purchase', elementId: 'Approve', assignee: 'mia@org.test', status: 'completed' as const, createdAt: new Date(`2026-06-13T0${n}:00:00Z`) })),
    { id: 'claimed-by-other', instanceId: 'x-1', processId: 'purchase', elementId: 'Review', assignee: 'someone@org.test', candidateGroups: ['member'], status: 'open' as const, createdAt: new Date('2026-06-14T00:00:00Z') },
  ]);
  // ANALYZE samples 300 rows per point of statistics target. At the default
  // target it reads a random 30,000 of these 40,041 rows, and about one run in
  // seven the estimates then tip the planner to another plan. A target of 150
  // samples every row, so the planner sees the same statistics on every run.
  await db.execute(sql`ALTER TABLE tasks ALTER COLUMN status SET STATISTICS 150`);
  await db.execute(sql`ANALYZE tasks`);
}

describe('the inbox query', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
    await fill(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('counts what is assigned, claimable, delegated and overdue, and nothing of anyone else or already done', async () => {
    expect(await countInbox(handle.db, mia, NOW)).toEqual({
      open: 37,
      assigned: 31,
      claimable: 6,
      delegated: 1,
      overdue: 10,
    });
  });

  it('pages through the tasks, newest first, without gaps or repeats', async () => {
    const first = await listInbox(handle.db, mia, query(), { now: NOW });
    const second = await listInbox(handle.db, mia, query({ page: '2' }), { now: NOW });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(12);
    expect(first.pageCount).toBe(2);
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(37);
    expect(ids[0]).toBe('delegated-1');
    const created = [...first.items, ...second.items].map((item) => item.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('filters by view, process and due date, and sorts by amount', async () => {
    const claimable = await listInbox(handle.db, mia, query({ view: 'claimable' }), { now: NOW });
    expect(claimable.items.map((item) => item.id).sort()).toEqual(['group-1', 'group-2', 'group-3', 'group-4', 'named-1', 'named-2']);
    const delegated = await listInbox(handle.db, mia, query({ view: 'delegated' }), { now: NOW });
    expect(delegated.items.map((item) => item.onBehalfOf)).toEqual(['Dana']);
    const leave = await listInbox(handle.db, mia, query({ process: 'leave' }), { now: NOW });
    expect(leave.total).toBe(10);
    const overdue = await listInbox(handle.db, mia, query({ due: 'overdue' }), { now: NOW });
    expect(overdue.total).toBe(10);
    expect(overdue.items.every((item) => item.overdue)).toBe(true);
    const byAmount = await listInbox(handle.db, mia, query({ sort: 'amount' }), { now: NOW });
    expect(byAmount.items.slice(0, 3).map((item) => item.amount)).toEqual(['$300', '$290', '$280']);
  });

  it('answers from the indexes, not by reading the whole table', async () => {
    const page = handle.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(inboxScope(mia))
      .orderBy(sql`${tasks.createdAt} desc`)
      .limit(25);
    const result: unknown = await handle.db.execute(sql`EXPLAIN ${page}`);
    const plan = (result as { rows: { 'QUERY PLAN': string }[] }).rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/tasks_assignee_status_created_idx/);
    expect(plan).toMatch(/tasks_candidate_(users|groups)_idx/);
    expect(plan).not.toMatch(/Seq Scan on tasks/);
  });
});
