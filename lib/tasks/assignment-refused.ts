import { CommandRejected, type Engine } from '@/engine';
import { AppError } from '@/lib/action';

/**
 * What to tell a person whose claim, give-back or hand-over the engine
 * refused, from the task as it is now: it is gone or no longer open, someone
 * else has it (a conflict that names them), or the new assignee may not take
 * it. Anything but a refusal is returned as it is.
 */
export async function assignmentRefused(
  engine: Engine,
  taskId: string,
  error: unknown,
  messages: { conflict: (assignee: string | null) => string; invalid: string },
): Promise<unknown> {
  if (!(error instanceof CommandRejected)) return error;
  const now = await engine.getTask(taskId);
  if (!now || error.code === 'NOT_FOUND')
    return new AppError('not_found', 'There is no such task.');
  if (now.status !== 'open') {
    const by = now.completedBy ? ` by ${now.completedBy}` : '';
    return new AppError('conflict', `This task is no longer open: it was ${now.status}${by}.`);
  }
  if (error.code === 'INVALID_ARGUMENT') return new AppError('invalid', messages.invalid, 'to');
  return new AppError('conflict', messages.conflict(now.assignee));
}
