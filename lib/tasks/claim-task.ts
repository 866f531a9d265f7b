import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import { assignmentRefused } from './assignment-refused';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

const claimedBy = (assignee: string | null) =>
  assignee
    ? `${assignee} has already claimed this task.`
    : 'This task changed meanwhile; reload it.';

/**
 * A candidate takes a group task. The engine locks the request and takes the
 * task only while nobody has it, so of two people claiming at once one gets
 * it and the other is told who did; the claim is in the request's history.
 */
export async function claimTask(
  deps: { engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (!taskPermissions(task, input.actor, { startedBy: null }).claim) {
    throw new AppError(
      task.assignee ? 'conflict' : 'forbidden',
      task.assignee ? claimedBy(task.assignee) : 'This task is not offered to you.',
    );
  }
  try {
    await deps.engine.assignTask(task.id, {
      assignee: input.actor.email,
      by: input.actor.email,
      action: 'claim',
      expectedAssignee: null,
    });
  } catch (error) {
    throw await assignmentRefused(deps.engine, task.id, error, {
      conflict: claimedBy,
      invalid:
        'You may not take this approval: it is your own request, you already approved it, or you are not an active person in the org chart.',
    });
  }
}
