import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { tasks } from '@/db/schema';
import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

/**
 * A candidate takes a group task. The update only matches while the task is
 * open and unassigned, so of two people claiming at once one gets it and the
 * other is told who did.
 */
export async function claimTask(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (!taskPermissions(task, input.actor, { startedBy: null }).claim) {
    throw new AppError(
      task.assignee ? 'conflict' : 'forbidden',
      task.assignee ? `${task.assignee} has already claimed this task.` : 'This task is not offered to you.',
    );
  }
  const claimed = await deps.db
    .update(tasks)
    .set({ assignee: input.actor.email })
    .where(and(eq(tasks.id, task.id), eq(tasks.status, 'open'), isNull(tasks.assignee)))
    .returning({ id: tasks.id });
  if (claimed.length === 0) {
    const now = await deps.engine.getTask(task.id);
    throw new AppError('conflict', now?.assignee ? `${now.assignee} has already claimed this task.` : 'This task is no longer open.');
  }
}
