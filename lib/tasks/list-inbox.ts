import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { processDefinitions, tasks } from '@/db/schema';
import { countInbox, type InboxCounts } from './count-inbox';
import { delegatedCondition, inboxScope } from './inbox-scope';
import type { TaskActor } from './task-actor';

export const INBOX_PAGE_SIZE = 25;

export const inboxQuerySchema = z.object({
  view: z.enum(['all', 'assigned', 'claimable', 'delegated']).catch('all'),
  process: z.string().max(200).optional().catch(undefined),
  due: z.enum(['any', 'overdue', 'today', 'week', 'none']).catch('any'),
  sort: z.enum(['created', 'due', 'amount']).catch('created'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type InboxQuery = z.output<typeof inboxQuerySchema>;

export interface InboxItem {
  id: string;
  name: string | null;
  processId: string;
  processName: string;
  instanceId: string;
  /** What the requester called the request (the `title` variable), when there is one. */
  requestTitle: string | null;
  approval: boolean;
  amount: string | null;
  requester: string | null;
  requesterName: string | null;
  step: number | null;
  assignee: string | null;
  candidateGroups: string[];
  onBehalfOf: string | null;
  delegatedBy: string | null;
  dueDate: string | null;
  overdue: boolean;
  createdAt: Date;
}

export interface InboxPage {
  items: InboxItem[];
  counts: InboxCounts;
  /** Tasks matching the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
  processes: { processId: string; name: string }[];
}

function endOfDay(now: Date, days: number): string {
  const end = new Date(now);
  end.setUTCHours(23, 59, 59, 999);
  end.setUTCDate(end.getUTCDate() + days);
  return end.toISOString();
}

/**
 * One page of the actor's inbox: the filters and sort the page offers, with
 * the counts for the tabs. Offset pagination over an indexed, filtered scope:
 * a person's open tasks are few even when the table holds 100,000.
 */
export async function listInbox(
  db: Database,
  actor: TaskActor,
  query: InboxQuery,
  options: { pageSize?: number; now?: Date } = {},
): Promise<InboxPage> {
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const conditions: (SQL | undefined)[] = [inboxScope(actor)];
  if (query.view === 'assigned') conditions.push(eq(tasks.assignee, actor.email));
  if (query.view === 'claimable') conditions.push(isNull(tasks.assignee));
  if (query.view === 'delegated') conditions.push(and(eq(tasks.assignee, actor.email), delegatedCondition));
  if (query.process) conditions.push(eq(tasks.processId, query.process));
  if (query.due === 'overdue') conditions.push(sql`${tasks.dueDate} < ${nowIso}`);
  if (query.due === 'today') conditions.push(sql`${tasks.dueDate} <= ${endOfDay(now, 0)}`);
  if (query.due === 'week') conditions.push(sql`${tasks.dueDate} <= ${endOfDay(now, 7)}`);
  if (query.due === 'none') conditions.push(isNull(tasks.dueDate));
  const where = and(...conditions);

  const amountMinor = sql`(${tasks.details}->>'amountMinor')::bigint`;
  const order =
    query.sort === 'due'
      ? [sql`${tasks.dueDate} asc nulls last`, asc(tasks.createdAt)]
      : query.sort === 'amount'
        ? [sql`${amountMinor} desc nulls last`, asc(tasks.createdAt)]
        : [desc(tasks.createdAt)];

  const [rows, [totalRow], counts] = await Promise.all([
    db
      .select({
        id: tasks.id,
        name: tasks.name,
        processId: tasks.processId,
        instanceId: tasks.instanceId,
        assignee: tasks.assignee,
        candidateGroups: tasks.candidateGroups,
        dueDate: tasks.dueDate,
        createdAt: tasks.createdAt,
        details: tasks.details,
        requestTitle: sql<string | null>`${tasks.variables}->>'title'`,
      })
      .from(tasks)
      .where(where)
      .orderBy(...order, asc(tasks.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(tasks).where(where),
    countInbox(db, actor, now),
  ]);

  // Every deployed process, newest version's name: the filter's options and the rows' labels.
  const names = new Map<string, string>();
  const processes = await db
    .selectDistinctOn([processDefinitions.processId], {
      processId: processDefinitions.processId,
      name: processDefinitions.name,
    })
    .from(processDefinitions)
    .orderBy(processDefinitions.processId, desc(processDefinitions.version));
  for (const process of processes) names.set(process.processId, process.name ?? process.processId);

  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const total = totalRow?.total ?? 0;
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      processId: row.processId,
      processName: names.get(row.processId) ?? row.processId,
      instanceId: row.instanceId,
      requestTitle: text(row.requestTitle),
      approval: row.details['approval'] === true,
      amount: text(row.details['amount']),
      requester: text(row.details['requester']),
      requesterName: text(row.details['requesterName']),
      step: typeof row.details['step'] === 'number' ? row.details['step'] : null,
      assignee: row.assignee,
      candidateGroups: row.candidateGroups,
      onBehalfOf: text(row.details['onBehalfOfName']) ?? text(row.details['onBehalfOf']),
      delegatedBy: text(row.details['delegatedBy']),
      dueDate: row.dueDate,
      overdue: row.dueDate !== null && row.dueDate < nowIso,
      createdAt: row.createdAt,
    })),
    counts,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    processes: processes.map((process) => ({
      processId: process.processId,
      name: process.name ?? process.processId,
    })),
  };
}
