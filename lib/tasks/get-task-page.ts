import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, processDefinitions } from '@/db/schema';
import type { ApprovalDecisionView, Engine, InstanceView, TaskView } from '@/engine';
import { findFormSchema, type FormSchema } from '@/lib/requests/find-form-schema';
import { acceptsComments } from './add-task-comment';
import { describeDecision, type TaskDecision } from './describe-decision';
import { listTaskComments, type TaskCommentView } from './list-task-comments';
import { loadViewableTask } from './load-viewable-task';
import type { TaskActor } from './task-actor';
import type { TaskPermissions } from './task-permissions';

export interface TaskPage {
  task: TaskView;
  instance: Pick<InstanceView, 'id' | 'processId' | 'status' | 'businessKey' | 'startedBy' | 'startedAt' | 'activeElementIds'>;
  processName: string;
  xml: string | null;
  approval: boolean;
  /** Decisions of this instance's approvals so far, oldest first. */
  chain: ApprovalDecisionView[];
  /** How the task was settled, once it is no longer open. */
  decision: TaskDecision | null;
  /** Whether the actor is the one who settled it. */
  decidedByMe: boolean;
  /** The task's form (plain user tasks only: an approval is decided with its buttons). */
  form: FormSchema | null;
  /** The request's own fields (the instance's variables when the task was created). */
  fields: { key: string; value: string }[];
  may: TaskPermissions;
  /** The request's comment thread, oldest first (every step's comments, not only this task's). */
  comments: TaskCommentView[];
  /** Whether comments can still be added: while the request runs. */
  commentsOpen: boolean;
  /** Display names by email, for the people the page mentions. */
  names: Record<string, string>;
}

const HIDDEN_FIELDS = new Set(['approved', 'approvals', 'decision', 'comment', 'assessment']);

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Everything the task page shows, read for one actor. Refused with 404 when
 * the task does not exist and 403 when the actor has no part in it (neither
 * assignee, candidate, requester, earlier approver, nor operator).
 */
export async function getTaskPage(
  deps: { db: Database; engine: Engine },
  input: { taskId: string; actor: TaskActor },
): Promise<TaskPage> {
  const { db, engine } = deps;
  const { task, instance, chain, may } = await loadViewableTask(engine, input);
  const me = input.actor.email.toLowerCase();

  const approval = task.details['approval'] === true;
  const [[definition], decision, form, comments] = await Promise.all([
    db
      .select({ xml: processDefinitions.xml, name: processDefinitions.name })
      .from(processDefinitions)
      .where(
        and(
          eq(processDefinitions.processId, instance.processId),
          eq(processDefinitions.version, instance.definitionVersion),
        ),
      )
      .limit(1),
    task.status === 'open' ? Promise.resolve(null) : describeDecision(engine, task),
    approval
      ? Promise.resolve(null)
      : findFormSchema(db, typeof task.details['formId'] === 'string' ? task.details['formId'] : task.formKey),
    listTaskComments(db, { instanceId: instance.id }),
  ]);

  const fields = Object.entries(task.variables)
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, value]) => ({ key, value: show(value) }))
    .filter((field): field is { key: string; value: string } => field.value !== null);

  const emails = new Set<string>();
  for (const email of [task.assignee, instance.startedBy, decision?.by, ...chain.map((d) => d.approver.email)]) {
    if (email) emails.add(email);
  }
  const people = emails.size
    ? await db
        .select({ email: employees.email, name: employees.name })
        .from(employees)
        .where(inArray(employees.email, [...emails]))
    : [];

  return {
    task,
    instance: {
      id: instance.id,
      processId: instance.processId,
      status: instance.status,
      businessKey: instance.businessKey,
      startedBy: instance.startedBy,
      startedAt: instance.startedAt,
      activeElementIds: instance.activeElementIds,
    },
    processName: definition?.name ?? instance.processId,
    xml: definition?.xml ?? null,
    approval,
    chain,
    decision,
    decidedByMe: decision?.by?.toLowerCase() === me,
    form,
    fields,
    may,
    comments,
    commentsOpen: acceptsComments(instance.status),
    names: Object.fromEntries(people.map((person) => [person.email, person.name])),
  };
}
