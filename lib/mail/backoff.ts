/** Attempts before a mail is given up as failed (an admin sees it in the mailbox list). */
export const MAX_MAIL_ATTEMPTS = 8;

/**
 * When to try again after the given failed attempt (1-based): 30 s, 1 min,
 * 2 min, … doubling up to an hour; null once the attempts are used up.
 */
export function nextMailAttempt(attempt: number, now: Date, baseMs = 30_000): Date | null {
  if (attempt >= MAX_MAIL_ATTEMPTS) return null;
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return new Date(now.getTime() + delay);
}
