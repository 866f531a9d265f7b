import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalLinkTokens, tasks } from '@/db/schema';

/**
 * Records, on links still live, that they stopped working: their task was
 * decided, cancelled or given to someone else, or they expired. Opening a link
 * reads the task anyway, so this keeps the table truthful rather than being
 * what makes a link stop working.
 */
export async function voidStaleApprovalLinks(db: Database, now: Date): Promise<void> {
  await db.execute(sql`
    UPDATE ${approvalLinkTokens} AS l
    SET voided_at = ${now},
        void_reason = CASE
          WHEN t.status = 'completed' THEN 'decided'
          WHEN t.status = 'cancelled' THEN 'cancelled'
          ELSE 'reassigned'
        END
    FROM ${tasks} AS t
    WHERE t.id = l.task_id
      AND l.used_at IS NULL AND l.voided_at IS NULL
      AND (t.status <> 'open' OR t.assignee IS NULL OR lower(t.assignee) <> l.approver)`);
  await db.execute(sql`
    UPDATE ${approvalLinkTokens}
    SET voided_at = ${now}, void_reason = 'expired'
    WHERE used_at IS NULL AND voided_at IS NULL AND expires_at <= ${now}`);
}
