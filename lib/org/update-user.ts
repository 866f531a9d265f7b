import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/action';
import type { Role } from '@/lib/auth/roles';

/**
 * Changes an account's role or deactivates it. An admin cannot change their
 * own role or deactivate themselves (they would lock themselves out by
 * mistake), and at least one active admin always remains. The change takes
 * effect on the account's next request: sessions re-read the account.
 */
export async function updateUser(
  db: Database,
  input: { actorId: string; userId: string; role?: Role; active?: boolean },
): Promise<{ role: Role; active: boolean }> {
  if (input.userId === input.actorId) {
    throw new AppError('forbidden', 'You cannot change your own role or deactivate yourself. Ask another administrator.');
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
    await tx.update(users).set({ role, active }).where(eq(users.id, account.id));
    return { role, active };
  });
}
