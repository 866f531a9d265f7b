import type { Expression } from '../expressions';
import type { ElementInstance, Json } from '../runtime/types';
import { leaveThroughAll, type Behavior, type BehaviorContext } from './behavior';
import { assignmentRecord, checkAssignment, detailsAfter, type AssignTask } from './task-assignment';

/** Creates a task for people (assignee, candidates, form, dates) and waits until it is completed. */
export const userTask: Behavior = {
  onActivate(context, instance, node) {
    const { assignment, form, schedule } = node.zeebe;
    const read = (expression: Expression | null | undefined, what: string): Json | undefined => {
      if (!expression) return null;
      const result = context.evaluate(instance, expression, what);
      if (!result.ok) {
        context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', result.message);
        return undefined;
      }
      return result.value;
    };
    const assignee = read(assignment?.assignee, 'the assignee');
    const candidateUsers = read(assignment?.candidateUsers, 'the candidate users');
    const candidateGroups = read(assignment?.candidateGroups, 'the candidate groups');
    const dueDate = read(schedule?.dueDate, 'the due date');
    const followUpDate = read(schedule?.followUpDate, 'the follow-up date');
    if ([assignee, candidateUsers, candidateGroups, dueDate, followUpDate].includes(undefined)) return;
    const details: { [key: string]: Json } = {};
    if (form?.formId) details['formId'] = form.formId;
    context.wait(instance, { wait: 'task' });
    context.emit({
      type: 'CreateTask',
      task: {
        id: instance.id,
        elementId: node.id,
        name: node.name,
        assignee: text(assignee),
        candidateUsers: names(candidateUsers),
        candidateGroups: names(candidateGroups),
        formKey: form?.formKey ?? form?.formId ?? null,
        dueDate: text(dueDate),
        followUpDate: text(followUpDate),
        details,
        variables: context.visibleVariables(instance),
      },
    });
    context.record('TaskCreated', instance);
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance) {
    context.emit({ type: 'CancelTask', taskId: instance.id });
  },
};

/** The task changes hands: its row gets the new assignee, and the history says who moved it where. */
export function assignUserTask(context: BehaviorContext, instance: ElementInstance, command: AssignTask): void {
  const to = checkAssignment(command);
  context.emit({ type: 'UpdateTask', taskId: command.taskId, changes: { assignee: to, details: detailsAfter(command, to) } });
  context.record('TaskAssigned', instance, assignmentRecord(command, to), command.by);
}

export function completeUserTask(context: BehaviorContext, instance: ElementInstance, variables: { [key: string]: Json }, by: string | undefined): void {
  context.record('TaskCompleted', instance, undefined, by);
  context.applyResult(instance, variables);
  context.complete(instance);
}

function text(value: Json | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Candidates come as a FEEL list or as comma-separated text. */
function names(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  if (typeof value === 'string') return value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return [];
}
