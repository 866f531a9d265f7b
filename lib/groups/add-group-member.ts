import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { groupMembers, groups, users } from '@/db/schema';
import { AppError } from '@/lib/action';
import { recordUserChanges, type AccountActor } from '@/lib/org/record-user-changes';

/**
 * Adds an account to a group, audited on the account in the same transaction.
 * The member sees the group's tasks on their next request.
 */
export async function addGroupMember(
  db: Database,
  input: { actor: AccountActor; groupKey: string; userId: string; reason?: string; now?: Date },
): Promise<{ added: boolean }> {
  return db.transaction(async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.key, input.groupKey));
    if (!group) throw new AppError('not_found', 'There is no such group.');
    const [account] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!account) throw new AppError('not_found', 'There is no such account.', 'userId');
    const now = input.now ?? new Date();
    const added = await tx
      .insert(groupMembers)
      .values({ groupKey: group.key, userId: account.id, addedAt: now })
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    if (added.length === 0) return { added: false };
    await recordUserChanges(tx, account, [{ field: 'group', oldValue: null, newValue: group.key }], {
      actor: input.actor,
      reason: input.reason ?? '',
      now,
    });
    return { added: true };
  });
}
