import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { groupMembers, users } from '@/db/schema';
import { AppError } from '@/lib/action';
import { recordUserChanges, type AccountActor } from '@/lib/org/record-user-changes';

/**
 * Takes an account out of a group, audited on the account in the same
 * transaction. Tasks the member already claimed stay with them; they no
 * longer see the group's unclaimed tasks.
 */
export async function removeGroupMember(
  db: Database,
  input: { actor: AccountActor; groupKey: string; userId: string; reason?: string; now?: Date },
): Promise<{ removed: boolean }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!account) throw new AppError('not_found', 'There is no such account.', 'userId');
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupKey, input.groupKey), eq(groupMembers.userId, account.id)))
      .returning({ userId: groupMembers.userId });
    if (removed.length === 0) return { removed: false };
    await recordUserChanges(tx, account, [{ field: 'group', oldValue: input.groupKey, newValue: null }], {
      actor: input.actor,
      reason: input.reason ?? '',
      now: input.now ?? new Date(),
    });
    return { removed: true };
  });
}
