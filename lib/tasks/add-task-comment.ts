import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { mailOutbox, processInstances, taskComments } from '@/db/schema';
import type { Engine, InstanceView } from '@/engine';
import { AppError } from '@/lib/action';
import { nameOf, namesByEmail } from '@/lib/mail/person-names';
import type { TaskCommentView } from './list-task-comments';
import { loadViewableTask } from './load-viewable-task';
import type { TaskActor } from './task-actor';

export const TASK_COMMENT_MAX_LENGTH = 2000;

/** What a comment's text must be; the messages are shown at the field. */
export const taskCommentBody = z
  .string({ error: 'Write the comment as text.' })
  .transform((body) => body.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write a comment first.')
      .max(TASK_COMMENT_MAX_LENGTH, `A comment can be at most ${TASK_COMMENT_MAX_LENGTH.toLocaleString('en-US')} characters.`),
  );

/**
 * A request takes comments while it runs: a follow-up question after one step
 * was decided still reaches the people of the request. Once it has ended, its
 * thread is kept for the record and read only.
 */
export function acceptsComments(status: InstanceView['status']): boolean {
  return status === 'active';
}

const CLOSED = 'This request has ended: its comments can be read but no longer added to.';

/**
 * Posts a comment on a task, for anyone who may see the task. The task's
 * assignee and the requester are mailed (never the author), through the
 * outbox in the same transaction as the comment, so a comment is never
 * without its notices and a notice never without its comment.
 */
export async function addTaskComment(
  deps: { db: Database; engine: Engine; now?: () => Date },
  input: { taskId: string; actor: TaskActor; body: string },
): Promise<TaskCommentView> {
  const { task, instance } = await loadViewableTask(deps.engine, input);
  const parsed = taskCommentBody.safeParse(input.body);
  if (!parsed.success) {
    throw new AppError('invalid', parsed.error.issues[0]?.message ?? 'Write a comment first.', 'body');
  }
  if (!acceptsComments(instance.status)) throw new AppError('conflict', CLOSED);

  const author = input.actor.email;
  const authorName = nameOf(await namesByEmail(deps.db, [author]), author);
  const notified = new Map<string, string>();
  for (const person of [task.assignee, instance.startedBy]) {
    if (person && person.toLowerCase() !== author.toLowerCase()) notified.set(person.toLowerCase(), person);
  }
  const createdAt = (deps.now ?? (() => new Date()))();

  return deps.db.transaction(async (tx) => {
    // Shares the engine's row lock on the instance: a comment waits for a command
    // that is ending the request, then sees that it has ended.
    const [current] = await tx
      .select({ status: processInstances.status })
      .from(processInstances)
      .where(eq(processInstances.id, instance.id))
      .for('share');
    if (!current || !acceptsComments(current.status)) throw new AppError('conflict', CLOSED);

    const [comment] = await tx
      .insert(taskComments)
      .values({ taskId: task.id, instanceId: instance.id, authorEmail: author, authorName, body: parsed.data, createdAt })
      .returning();
    if (!comment) throw new Error(`Expected the comment on task ${task.id} to be stored, but nothing was returned`);
    if (notified.size > 0) {
      await tx.insert(mailOutbox).values(
        [...notified.values()].map((to) => ({
          id: randomUUID(),
          instanceId: instance.id,
          kind: 'task-comment',
          to,
          data: { commentId: comment.id },
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: createdAt,
          createdAt,
        })),
      );
    }
    return {
      id: comment.id,
      taskId: comment.taskId,
      taskName: task.name,
      authorEmail: comment.authorEmail,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt,
    };
  });
}
