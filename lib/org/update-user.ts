import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/action';
import type { Role } from '@/lib/auth/roles';
import { recordUserChanges, type AccountActor, type AccountChange } from './record-user-changes';

/**
 * Changes an account's role or deactivates it, with one audit row per changed
 * field in the same transaction. An admin cannot change their own role or
 * deactivate themselves (they would lock themselves out by mistake), and at
 * least one active admin always remains. The change takes effect on the
 * account's next request: sessions re-read the account.
 */
export async function updateUser(
  db: Database,
  input: { actor: AccountActor; userId: string; role?: Role; active?: boolean; reason?: string; now?: Date },
): Promise<{ role: Role; active: boolean; changes: number }> {
  if (input.userId === input.actor.id) {
    throw new AppError(
      'forbidden',
      input.active === false
        ? 'You cannot deactivate your own account. Ask another administrator.'
        : 'You cannot change your own role: you would lose the right to undo it. Ask another administrator.',
    );
  }
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!account) throw new AppError('not_found', 'There is no such account.');
    const role = input.role ?? account.role;
    const active = input.active ?? account.active;
    if (account.role === 'admin' && account.active && (role !== 'admin' || !active)) {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, account.id)));
      if ((others?.n ?? 0) === 0) {
        throw new AppError('conflict', `${account.name} is the last active administrator; make someone else an administrator first.`);
      }
    }
    const changes: AccountChange[] = [];
    if (role !== account.role) changes.push({ field: 'role', oldValue: account.role, newValue: role });
    if (active !== account.active) {
      changes.push({ field: 'active', oldValue: statusOf(account.active), newValue: statusOf(active) });
    }
    if (changes.length === 0) return { role, active, changes: 0 };
    await tx.update(users).set({ role, active }).where(eq(users.id, account.id));
    await recordUserChanges(tx, account, changes, {
      actor: input.actor,
      reason: input.reason ?? '',
      now: input.now ?? new Date(),
    });
    return { role, active, changes: changes.length };
  });
}

function statusOf(active: boolean): string {
  return active ? 'active' : 'deactivated';
}
