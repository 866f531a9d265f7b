/**
 * What every task's change of hands obeys, whatever its element: a claim
 * takes an unassigned task, giving back leaves it to its candidates, a
 * hand-over names someone new; and when the caller says whom they expect to
 * hold the task, anyone else holding it refuses the command, so of two people
 * claiming at once exactly one wins and the other learns who did.
 */
import { CommandRejected, type Command, type Json } from '../runtime/types';

export type AssignTask = Extract<Command, { type: 'AssignTask' }>;

/** Emails are compared without regard to case. */
export function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  return (
    typeof a === 'string' &&
    typeof b === 'string' &&
    a.trim().toLowerCase() === b.trim().toLowerCase()
  );
}

/** The new assignee, checked against the action and the task as it is now; refuses the command otherwise. */
export function checkAssignment(command: AssignTask): string | null {
  const { taskId, action } = command;
  const to = command.assignee?.trim() || null;
  const from = command.task.assignee;
  if (command.expectedAssignee !== undefined && !sameHolder(from, command.expectedAssignee)) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected task ${taskId} to be assigned to ${command.expectedAssignee ?? 'nobody'}, but it is assigned to ${from ?? 'nobody'}`,
    );
  }
  if (action === 'claim' && from !== null) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected task ${taskId} to be unassigned to be claimed, but ${from} has it`,
    );
  }
  if (action === 'unclaim') {
    if (to !== null) {
      throw new CommandRejected(
        'INVALID_ARGUMENT',
        `Expected no assignee when task ${taskId} is given back, but got ${to}`,
      );
    }
    if (from === null) {
      throw new CommandRejected(
        'INVALID_STATE',
        `Expected task ${taskId} to be claimed to be given back, but nobody has it`,
      );
    }
    return null;
  }
  if (to === null) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected an assignee to ${action} task ${taskId} to, but none was given`,
    );
  }
  if (samePerson(from, to)) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected task ${taskId} to go to someone new, but ${from ?? to} already has it`,
    );
  }
  return to;
}

/** The history entry of a change of hands: from whom, to whom, how, and who did it. */
export function assignmentRecord(command: AssignTask, to: string | null): { [key: string]: Json } {
  return { taskId: command.taskId, from: command.task.assignee, to, action: command.action };
}

/**
 * The task's details after the change: a hand-over remembers who handed the
 * task on (the inbox shows it as delegated); a claim or a give-back forgets it.
 */
export function detailsAfter(
  command: AssignTask,
  to: string | null,
  extra: { [key: string]: Json } = {},
): { [key: string]: Json } {
  const { delegatedBy: _delegatedBy, ...details } = command.task.details;
  const handedOn =
    (command.action === 'reassign' || command.action === 'delegate') && !samePerson(command.by, to);
  return { ...details, ...extra, ...(handedOn ? { delegatedBy: command.by } : {}) };
}

function sameHolder(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : samePerson(a, b);
}
