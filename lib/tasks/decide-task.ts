import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees } from '@/db/schema';
import { CommandRejected, type Engine, type InstanceView, type Variables } from '@/engine';
import { AppError } from '@/lib/action';
import { findFormSchema } from '@/lib/requests/find-form-schema';
import { validateFormValues } from '@/lib/requests/validate-form-values';
import { describeDecision, type TaskDecision } from './describe-decision';
import type { TaskActor } from './task-actor';
import { TaskAlreadyDecided } from './task-already-decided';
import { taskPermissions } from './task-permissions';

export type DecideTaskInput = {
  taskId: string;
  actor: TaskActor;
  channel: 'inbox' | 'email' | 'api';
} & (
  | { decision: 'approve' | 'reject'; comment?: string | null }
  | { decision?: undefined; variables: Record<string, unknown> }
);

/**
 * The one way a person decides a task, whatever the channel (inbox, email
 * link, API): the actor must be the assignee; an approval takes approve or
 * reject (a rejection needs a comment); another user task takes its form's
 * values, checked against the form. The engine locks the instance and checks
 * the task is still open, so of two racing decisions exactly one counts; the
 * other becomes TaskAlreadyDecided saying who decided, how and when.
 */
export async function decideTask(
  deps: { db: Database; engine: Engine },
  input: DecideTaskInput,
): Promise<InstanceView> {
  const { engine } = deps;
  const task = await engine.getTask(input.taskId);
  if (!task) throw new AppError('not_found', 'There is no such task.');
  if (task.status !== 'open') throw new TaskAlreadyDecided(await named(deps.db, await describeDecision(engine, task)));

  const instance = await engine.getInstance(task.instanceId);
  const may = taskPermissions(task, input.actor, { startedBy: instance?.startedBy ?? null });
  if (!may.complete) {
    throw new AppError(
      'forbidden',
      may.claim
        ? 'Claim this task before you decide it.'
        : task.assignee
          ? `Only ${task.assignee} can decide this task.`
          : 'You may not decide this task.',
    );
  }

  let variables: Variables;
  if (task.details['approval'] === true) {
    if (!input.decision) throw new AppError('invalid', 'Choose Approve or Reject.', 'decision');
    const comment = input.comment?.trim() ?? '';
    if (input.decision === 'reject' && comment === '') {
      throw new AppError('invalid', 'Say why you reject the request.', 'comment');
    }
    variables = { decision: input.decision, comment };
  } else {
    if (input.decision) throw new AppError('invalid', 'This task is completed with its form, not approved.', 'decision');
    const formId = typeof task.details['formId'] === 'string' ? task.details['formId'] : task.formKey;
    const schema = await findFormSchema(deps.db, formId);
    variables = schema ? validateFormValues(schema, input.variables) : {};
  }

  try {
    return await engine.completeTask(task.id, variables, input.actor.email, { channel: input.channel });
  } catch (error) {
    if (!(error instanceof CommandRejected)) throw error;
    const now = await engine.getTask(task.id);
    if (now && now.status !== 'open') throw new TaskAlreadyDecided(await named(deps.db, await describeDecision(engine, now)));
    if (error.code === 'NOT_FOUND') throw new AppError('not_found', 'There is no such task.');
    if (error.code === 'INVALID_ARGUMENT') throw new AppError('invalid', error.message);
    throw new AppError('conflict', error.message);
  }
}

/** The decision with the decider's name from the org chart, so the message says "by Sofia Marino". */
async function named(db: Database, decision: TaskDecision): Promise<TaskDecision> {
  if (!decision.by) return decision;
  const [person] = await db
    .select({ name: employees.name })
    .from(employees)
    .where(eq(employees.email, decision.by))
    .limit(1);
  return { ...decision, byName: person?.name ?? null };
}
