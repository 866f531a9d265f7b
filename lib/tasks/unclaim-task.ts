import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import { assignmentRefused } from './assignment-refused';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

/** The person who claimed a group task gives it back to the group; the engine records it in the request's history. */
export async function unclaimTask(
  deps: { engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (!taskPermissions(task, input.actor, { startedBy: null }).unclaim) {
    throw new AppError('forbidden', 'Only the person who claimed a group task can give it back.');
  }
  try {
    await deps.engine.assignTask(task.id, {
      assignee: null,
      by: input.actor.email,
      action: 'unclaim',
      expectedAssignee: input.actor.email,
    });
  } catch (error) {
    throw await assignmentRefused(deps.engine, task.id, error, {
      conflict: (assignee) =>
        assignee
          ? `${assignee} has this task now; reload it.`
          : 'This task was given back meanwhile; reload it.',
      invalid: 'Only a task offered to a group can be given back.',
    });
  }
}
