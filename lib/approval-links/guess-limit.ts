import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalLinkFailures } from '@/db/schema';

/** Unknown or tampered links one address may open in the window before it is told to wait. */
export const MAX_LINK_FAILURES = 20;
export const LINK_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Whether this address has been guessing links: too many unknown tokens in the window. */
export async function isGuessing(db: Database, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LINK_FAILURE_WINDOW_MS);
  const [row] = await db
    .select({ failures: count() })
    .from(approvalLinkFailures)
    .where(and(eq(approvalLinkFailures.ip, ip), gt(approvalLinkFailures.failedAt, since)));
  return (row?.failures ?? 0) >= MAX_LINK_FAILURES;
}

export async function recordLinkFailure(db: Database, ip: string, now: Date): Promise<void> {
  await db.insert(approvalLinkFailures).values({ ip, failedAt: now });
  // Old rows say nothing about guessing now; dropping them keeps the table small.
  await db
    .delete(approvalLinkFailures)
    .where(and(eq(approvalLinkFailures.ip, ip), lt(approvalLinkFailures.failedAt, new Date(now.getTime() - LINK_FAILURE_WINDOW_MS))));
}
