import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, users } from '@/db/schema';
import type { Engine, TaskView } from '@/engine';
import { AppError } from '@/lib/action';
import { assignmentRefused } from './assignment-refused';
import type { TaskActor } from './task-actor';
import { taskPermissions } from './task-permissions';

const same = (a: unknown, b: string) =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/**
 * Hands a task to another person (the assignee or an admin may), through the
 * engine, so the hand-over is in the request's history and the inbox shows
 * the task as delegated. The new assignee must have an active account. An
 * approval task goes only to an active person of the org chart who is not the
 * requester and has not approved this request; they decide on behalf of the
 * person whose step it is, and their own limit is checked when they approve.
 */
export async function reassignTask(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor; to: string },
): Promise<void> {
  const task = await deps.engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (!taskPermissions(task, input.actor, { startedBy: null }).reassign) {
    throw new AppError(
      'forbidden',
      'Only the assignee or an administrator can reassign this task.',
    );
  }
  const to = input.to.trim().toLowerCase();
  const [person] = await deps.db
    .select({ email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${to}`, eq(users.active, true)))
    .limit(1);
  if (!person)
    throw new AppError('invalid', `Nobody with an active account has the email ${input.to}.`, 'to');
  if (same(task.assignee, person.email))
    throw new AppError('invalid', `${person.email} already has this task.`, 'to');
  if (task.details['approval'] === true) await mayApprove(deps, task, person.email);

  try {
    await deps.engine.assignTask(task.id, {
      assignee: person.email,
      by: input.actor.email,
      action: 'reassign',
      expectedAssignee: task.assignee,
    });
  } catch (error) {
    throw await assignmentRefused(deps.engine, task.id, error, {
      conflict: (assignee) =>
        `This task changed meanwhile: ${assignee ?? 'the group'} has it now. Reload it.`,
      invalid: `${person.email} cannot take this approval.`,
    });
  }
}

/** The approval rules, told in words before the engine applies them. */
async function mayApprove(
  deps: { db: Database; engine: Engine },
  task: TaskView,
  email: string,
): Promise<void> {
  if (same(task.details['requester'], email)) {
    throw new AppError(
      'invalid',
      `${email} made this request, and nobody approves their own request.`,
      'to',
    );
  }
  const decisions = await deps.engine.listApprovalDecisions({ instanceId: task.instanceId });
  const approved = decisions.some(
    (decision) =>
      decision.elementId === task.elementId &&
      decision.counts &&
      decision.decision === 'approve' &&
      (same(decision.approver.email, email) || same(decision.onBehalfOf?.email, email)),
  );
  if (approved)
    throw new AppError(
      'invalid',
      `${email} already approved this request, and nobody approves it twice.`,
      'to',
    );
  const [employee] = await deps.db
    .select({ active: employees.active })
    .from(employees)
    .where(sql`lower(${employees.email}) = ${email.toLowerCase()}`)
    .limit(1);
  if (!employee)
    throw new AppError(
      'invalid',
      `${email} is not in the org chart, so they cannot approve.`,
      'to',
    );
  if (!employee.active)
    throw new AppError(
      'invalid',
      `${email} is inactive in the org chart, so they cannot approve.`,
      'to',
    );
}
