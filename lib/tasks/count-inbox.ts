import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { tasks } from '@/db/schema';
import { delegatedCondition, inboxScope } from './inbox-scope';
import type { TaskActor } from './task-actor';

export interface InboxCounts {
  /** Everything the actor may work on now. */
  open: number;
  assigned: number;
  claimable: number;
  delegated: number;
  overdue: number;
}

/** The inbox's counts in one indexed query (also what the navigation badge shows). */
export async function countInbox(db: Database, actor: TaskActor, now = new Date()): Promise<InboxCounts> {
  const mine = eq(tasks.assignee, actor.email);
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      assigned: sql<number>`(count(*) filter (where ${mine}))::int`,
      claimable: sql<number>`(count(*) filter (where ${tasks.assignee} is null))::int`,
      delegated: sql<number>`(count(*) filter (where ${and(mine, delegatedCondition)}))::int`,
      overdue: sql<number>`(count(*) filter (where ${tasks.dueDate} < ${now.toISOString()}))::int`,
    })
    .from(tasks)
    .where(inboxScope(actor));
  return row ?? { open: 0, assigned: 0, claimable: 0, delegated: 0, overdue: 0 };
}
