/**
 * A result that is either a value or a refusal with a message a user can act
 * on. Invalid input is a value, not an exception, so callers turn it into a
 * 422 or an incident without try/catch.
 */
export type Refusable<T> = { ok: true; value: T } | { ok: false; reason: string };

export function accepted<T>(value: T): Refusable<T> {
  return { ok: true, value };
}

export function refused<T>(reason: string): Refusable<T> {
  return { ok: false, reason };
}
