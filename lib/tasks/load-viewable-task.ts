import type { ApprovalDecisionView, Engine, InstanceView, TaskView } from '@/engine';
import { AppError } from '@/lib/action';
import type { TaskActor } from './task-actor';
import { taskPermissions, type TaskPermissions } from './task-permissions';

export interface ViewableTask {
  task: TaskView;
  instance: InstanceView;
  /** Decisions of the instance's approvals so far, oldest first. */
  chain: ApprovalDecisionView[];
  may: TaskPermissions;
}

/**
 * A task with its request, for someone who has a part in it: the assignee, a
 * candidate, the requester, an earlier approver of the request, or an
 * operator. 404 when there is no such task, 403 for anyone else.
 */
export async function loadViewableTask(
  engine: Engine,
  input: { taskId: string; actor: TaskActor },
): Promise<ViewableTask> {
  const task = await engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  const [instance, chain] = await Promise.all([
    engine.getInstance(task.instanceId),
    engine.listApprovalDecisions({ instanceId: task.instanceId }),
  ]);
  if (!instance) throw new AppError('not_found', 'The request of this task no longer exists.');
  const me = input.actor.email.toLowerCase();
  const decidedBefore = chain.some((decision) => decision.approver.email.toLowerCase() === me);
  const may = taskPermissions(task, input.actor, { startedBy: instance.startedBy, decidedBefore });
  if (!may.view) throw new AppError('forbidden', 'This task is not yours to see.');
  return { task, instance, chain, may };
}
