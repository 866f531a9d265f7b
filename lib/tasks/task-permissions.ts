import type { TaskView } from '@/engine';
import { groupsOf, type TaskActor } from './task-actor';

export interface TaskPermissions {
  /** Approve, reject or complete. */
  complete: boolean;
  claim: boolean;
  unclaim: boolean;
  reassign: boolean;
  /** May open the task page at all. */
  view: boolean;
}

const same = (a: string | null | undefined, b: string) =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** Whether the actor is offered the task as a candidate (by name or through a group). */
export function isCandidate(task: TaskView, actor: TaskActor): boolean {
  const groups = groupsOf(actor);
  return (
    task.candidateUsers.some((user) => same(user, actor.email)) ||
    task.candidateGroups.some((group) => groups.includes(group))
  );
}

/**
 * What the actor may do with a task. Only the assignee completes: a candidate
 * claims first, so two candidates never work on the same task unknowingly.
 * The assignee or an admin may hand any task on, approvals included (the
 * engine then checks who may take an approval). `startedBy` is the instance's
 * requester, who may follow their request.
 */
export function taskPermissions(
  task: TaskView,
  actor: TaskActor,
  context: { startedBy: string | null; decidedBefore?: boolean },
): TaskPermissions {
  const open = task.status === 'open';
  const assignee = same(task.assignee, actor.email);
  const candidate = isCandidate(task, actor);
  const admin = actor.role === 'admin';
  const operator = admin || actor.role === 'designer';
  return {
    complete: open && assignee,
    claim: open && task.assignee === null && candidate,
    unclaim: open && assignee && candidate,
    reassign: open && (assignee || admin),
    view:
      assignee ||
      candidate ||
      operator ||
      same(context.startedBy, actor.email) ||
      context.decidedBefore === true,
  };
}
