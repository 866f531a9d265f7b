import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { taskComments, tasks } from '@/db/schema';

/** One comment as pages and the API show it. */
export interface TaskCommentView {
  id: string;
  /** The task it was posted on, and that task's name ("Manager approval"). */
  taskId: string;
  taskName: string | null;
  authorEmail: string;
  /** The author's name when they posted. */
  authorName: string;
  body: string;
  createdAt: Date;
}

/**
 * The comments on one task, or on every task of a request, oldest first.
 * Reads without checking who asks: callers have checked that the reader may
 * see the task (getTaskThread, getTaskPage) or the instance (operators).
 */
export async function listTaskComments(
  db: Database,
  filter: { taskId: string } | { instanceId: string },
): Promise<TaskCommentView[]> {
  return db
    .select({
      id: taskComments.id,
      taskId: taskComments.taskId,
      taskName: tasks.name,
      authorEmail: taskComments.authorEmail,
      authorName: taskComments.authorName,
      body: taskComments.body,
      createdAt: taskComments.createdAt,
    })
    .from(taskComments)
    .innerJoin(tasks, eq(tasks.id, taskComments.taskId))
    .where('taskId' in filter ? eq(taskComments.taskId, filter.taskId) : eq(taskComments.instanceId, filter.instanceId))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));
}
