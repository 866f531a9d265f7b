import type { Database } from '@/db/client';
import type { Engine } from '@/engine';
import { acceptsComments } from './add-task-comment';
import { listTaskComments, type TaskCommentView } from './list-task-comments';
import { loadViewableTask } from './load-viewable-task';
import type { TaskActor } from './task-actor';

export interface TaskThread {
  /**
   * The request's conversation, oldest first: comments on this task and on
   * the request's other steps, so a note left for the next approver reaches them.
   */
  comments: TaskCommentView[];
  /** Whether comments can still be added (the request is running). */
  open: boolean;
}

/** The comment thread of a task, for someone who may see the task (403 for anyone else). */
export async function getTaskThread(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<TaskThread> {
  const { instance } = await loadViewableTask(deps.engine, input);
  return {
    comments: await listTaskComments(deps.db, { instanceId: instance.id }),
    open: acceptsComments(instance.status),
  };
}
