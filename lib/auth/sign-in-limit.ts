import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts } from '@/db/schema';

/**
 * Repeated failures slow an attacker down: five wrong passwords for one email
 * within fifteen minutes lock that email until the window has passed. An IP
 * address gets a wider allowance, because many honest people share one (an
 * office behind one gateway), but it still stops one machine from trying
 * passwords against many emails.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type SignInAllowance = { allowed: true } | { allowed: false; retryInMinutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether another attempt may be made now for this email from this address. */
export async function checkSignInAllowed(
  db: Database,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<SignInAllowance> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const address = normalizeEmail(email);
  const [lastSuccess] = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, address), eq(signInAttempts.succeeded, true)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(1);
  // A successful sign-in ends the run of failures before it.
  const emailSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;

  const blockedUntil = [
    await blockedBy(db, eq(signInAttempts.email, address), emailSince, MAX_FAILURES_PER_EMAIL),
    await blockedBy(db, eq(signInAttempts.ip, ip), since, MAX_FAILURES_PER_IP),
  ]
    .filter((until): until is Date => until !== undefined && until > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (!blockedUntil) return { allowed: true };
  return {
    allowed: false,
    retryInMinutes: Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 60_000)),
  };
}

/**
 * When `limit` failures fall in the window, the lock lasts until the oldest of
 * the latest `limit` failures leaves the window.
 */
async function blockedBy(
  db: Database,
  who: ReturnType<typeof eq>,
  since: Date,
  limit: number,
): Promise<Date | undefined> {
  const rows = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(who, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(limit);
  const oldest = rows[limit - 1];
  return oldest ? new Date(oldest.at.getTime() + SIGN_IN_WINDOW_MS) : undefined;
}

/** Attempts older than this no longer matter to any limit and are removed. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

export async function recordSignInAttempt(
  db: Database,
  attempt: { email: string; ip: string; succeeded: boolean; at?: Date },
): Promise<void> {
  await db.insert(signInAttempts).values({
    email: normalizeEmail(attempt.email),
    ip: attempt.ip,
    succeeded: attempt.succeeded,
    attemptedAt: attempt.at ?? sql`now()`,
  });
}

/** Removes attempts too old to count, so the table stays small. Run after a successful sign-in. */
export async function pruneSignInAttempts(db: Database, now: Date = new Date()): Promise<void> {
  await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.attemptedAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
}
