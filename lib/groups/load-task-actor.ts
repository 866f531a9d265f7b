import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { TaskActor } from '@/lib/tasks/task-actor';
import { memberGroupsSql } from './member-groups-sql';

/**
 * An active account as a task actor, by email: its role and its groups, in one
 * query. Null when there is no such active account.
 */
export async function loadTaskActor(db: Database, email: string): Promise<TaskActor | null> {
  const [account] = await db
    .select({ email: users.email, role: users.role, groups: memberGroupsSql(users.id) })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, eq(users.active, true)))
    .limit(1);
  return account ?? null;
}
