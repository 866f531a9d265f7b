import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { tasks } from '@/db/schema';
import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

/** The person who claimed a group task gives it back to the group. */
export async function unclaimTask(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (!taskPermissions(task, input.actor, { startedBy: null }).unclaim) {
    throw new AppError('forbidden', 'Only the person who claimed a group task can give it back.');
  }
  const released = await deps.db
    .update(tasks)
    .set({ assignee: null })
    .where(and(eq(tasks.id, task.id), eq(tasks.status, 'open'), eq(tasks.assignee, task.assignee!)))
    .returning({ id: tasks.id });
  if (released.length === 0) throw new AppError('conflict', 'This task changed meanwhile; reload it.');
}
