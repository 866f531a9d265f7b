/**
 * Timers and message subscriptions an element instance has open, as kept in
 * its `data.triggers` (plain JSON, keyed by timer/subscription id), and the
 * arithmetic that turns a timer definition into a due date.
 */
import {
  addDuration,
  describe,
  parseCycle,
  parseDateTime,
  parseDuration,
  type EvaluationResult,
} from '../expressions';
import type { TimerDefinition } from '../model/graph';

export interface Trigger {
  /** The catch event (boundary, intermediate, event sub-process start) or receive task it belongs to. */
  elementId: string;
  kind: 'timer' | 'message' | 'signal';
  dueAt?: number;
  /** For cycles: the repeating interval as ISO 8601 text, and how many firings are left after this one (null: forever). */
  interval?: string;
  remaining?: number | null;
  messageName?: string;
  correlationKey?: string;
}

export type DueDate =
  | { ok: true; dueAt: number; interval: string | null; remaining: number | null }
  | { ok: false; message: string };

/** When a timer is due, from its (evaluated) definition; durations and cycles count from `now`. */
export function dueDateOf(
  timer: TimerDefinition,
  value: EvaluationResult,
  now: number,
  eventId: string,
): DueDate {
  if (!value.ok) return value;
  const text = typeof value.value === 'string' ? value.value : null;
  const fail = (expected: string): DueDate => ({
    ok: false,
    message: `Expected the timer ${timer.kind} '${timer.expression.source}' of '${eventId}' to be ${expected}, but it was ${describe(value.value)}`,
  });
  if (timer.kind === 'date') {
    const dueAt = text === null ? null : parseDateTime(text);
    return dueAt === null
      ? fail('an ISO 8601 date-time with an offset')
      : { ok: true, dueAt, interval: null, remaining: null };
  }
  if (timer.kind === 'duration') {
    const duration = text === null ? null : parseDuration(text);
    return duration === null
      ? fail('an ISO 8601 duration')
      : { ok: true, dueAt: addDuration(now, duration), interval: null, remaining: null };
  }
  const cycle = text === null ? null : parseCycle(text);
  if (cycle === null) return fail('an ISO 8601 repeating interval such as R3/PT1H');
  return {
    ok: true,
    dueAt: cycle.start ?? addDuration(now, cycle.interval),
    interval: cycle.intervalText,
    remaining: cycle.repetitions === null ? null : cycle.repetitions - 1,
  };
}

/**
 * The schedule of a timer start event, for the runner: when it first fires
 * after `now` (deploy time), and how it repeats. Timer start expressions see no
 * variables (there is no instance yet).
 */
export function timerStartSchedule(
  timer: TimerDefinition,
  value: EvaluationResult,
  now: number,
  eventId: string,
): DueDate {
  return dueDateOf(timer, value, now, eventId);
}

/** The next firing of a repeating timer after the one due at `dueAt`, or null when it has no firings left. */
export function nextFiring(
  dueAt: number,
  interval: string | null | undefined,
  remaining: number | null | undefined,
): { dueAt: number; remaining: number | null } | null {
  if (!interval || remaining === 0) return null;
  const duration = parseDuration(interval);
  if (!duration) return null;
  return {
    dueAt: addDuration(dueAt, duration),
    remaining: remaining === null || remaining === undefined ? null : remaining - 1,
  };
}
