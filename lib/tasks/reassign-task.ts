import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { tasks, users } from '@/db/schema';
import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

/**
 * Hands a user task to another person (the assignee or an admin may). The new
 * assignee must have an active account; the hand-over is remembered on the
 * task (`delegatedBy`) so the inbox can show it as delegated. Approval tasks
 * are refused: their approver comes from the org chart and its delegations.
 */
export async function reassignTask(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor; to: string },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (task.details['approval'] === true) {
    throw new AppError(
      'invalid',
      'Approval tasks follow the org chart: set a delegate there instead of reassigning.',
      'to',
    );
  }
  if (!taskPermissions(task, input.actor, { startedBy: null }).reassign) {
    throw new AppError('forbidden', 'Only the assignee or an administrator can reassign this task.');
  }
  const to = input.to.trim().toLowerCase();
  const [person] = await deps.db
    .select({ email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${to}`, eq(users.active, true)))
    .limit(1);
  if (!person) throw new AppError('invalid', `Nobody with an active account has the email ${input.to}.`, 'to');
  const condition = task.assignee === null ? sql`${tasks.assignee} IS NULL` : eq(tasks.assignee, task.assignee);
  const moved = await deps.db
    .update(tasks)
    .set({
      assignee: person.email,
      details: sql`${tasks.details} || ${JSON.stringify({ delegatedBy: input.actor.email })}::jsonb`,
    })
    .where(and(eq(tasks.id, task.id), eq(tasks.status, 'open'), condition))
    .returning({ id: tasks.id });
  if (moved.length === 0) throw new AppError('conflict', 'This task changed meanwhile; reload it.');
}
