import type { Database } from '@/db/client';
import { userChanges, type UserChange } from '@/db/schema';

/** Who changed an account: a user id and the name shown in the audit, kept without a foreign key. */
export interface AccountActor {
  id: string;
  name: string;
}

export type AccountChange = Pick<UserChange, 'field' | 'oldValue' | 'newValue'>;

/**
 * Appends one audit row per changed field of an account, inside the caller's
 * transaction, so a change is never written without its record.
 */
export async function recordUserChanges(
  tx: Database,
  account: { id: string; email: string },
  changes: readonly AccountChange[],
  context: { actor: AccountActor; reason: string; now: Date },
): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(userChanges).values(
    changes.map((change) => ({
      userId: account.id,
      userEmail: account.email,
      changedBy: context.actor.id,
      changedByName: context.actor.name,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      reason: context.reason.trim(),
      changedAt: context.now,
    })),
  );
}
