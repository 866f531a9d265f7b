import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { userChanges, users } from '@/db/schema';
import { listAudit } from '@/lib/org/list-audit';
import { updateUser } from '@/lib/org/update-user';
import { adminActor, demoOrg } from './support';

describe('changing accounts', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await demoOrg();
  }, 60_000);
  afterAll(() => handle.close());

  async function accountOf(email: string): Promise<{ id: string; name: string }> {
    const [row] = await handle.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(email);
    return row;
  }

  it('refuses an admin changing their own role or deactivating themselves, and demoting the last active admin', async () => {
    const admin = await adminActor(handle);
    const ines = await accountOf('ines.carvalho@baton.example');

    await expect(updateUser(handle.db, { actor: admin, userId: admin.id, role: 'member' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You cannot change your own role: you would lose the right to undo it. Ask another administrator.',
    });
    await expect(updateUser(handle.db, { actor: admin, userId: admin.id, active: false })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You cannot deactivate your own account. Ask another administrator.',
    });
    await expect(updateUser(handle.db, { actor: ines, userId: admin.id, active: false })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Margaret Okafor is the last active administrator; make someone else an administrator first.',
    });
    expect(await handle.db.select().from(userChanges).where(eq(userChanges.userId, admin.id))).toEqual([]);

    await updateUser(handle.db, { actor: admin, userId: ines.id, role: 'admin' });
    expect(await updateUser(handle.db, { actor: ines, userId: admin.id, role: 'designer' })).toEqual({
      role: 'designer',
      active: true,
      changes: 1,
    });
  });

  it('given an admin changes a role and deactivates an account, then each field is audited with who and why, also in the audit log', async () => {
    const admin = await adminActor(handle);
    const thomas = await accountOf('thomas.berg@baton.example');
    await updateUser(handle.db, { actor: admin, userId: thomas.id, role: 'designer', active: false, reason: 'Moved to process design' });

    const rows = await handle.db.select().from(userChanges).where(eq(userChanges.userId, thomas.id));
    expect(rows.map(({ field, oldValue, newValue, reason, changedBy, changedByName, userEmail }) => ({
      field, oldValue, newValue, reason, changedBy, changedByName, userEmail,
    })).sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'active', oldValue: 'active', newValue: 'deactivated', reason: 'Moved to process design', changedBy: admin.id, changedByName: 'Margaret Okafor', userEmail: 'thomas.berg@baton.example' },
      { field: 'role', oldValue: 'member', newValue: 'designer', reason: 'Moved to process design', changedBy: admin.id, changedByName: 'Margaret Okafor', userEmail: 'thomas.berg@baton.example' },
    ]);

    // Saving the same values again changes nothing and records nothing.
    expect(await updateUser(handle.db, { actor: admin, userId: thomas.id, role: 'designer' })).toMatchObject({ changes: 0 });
    expect(await handle.db.select().from(userChanges).where(eq(userChanges.userId, thomas.id))).toHaveLength(2);

    const { entries } = await listAudit(handle.db, { log: 'account', field: 'account.role', changedBy: 'Margaret Okafor' }, { page: 1, size: 10 });
    expect(entries).toContainEqual(
      expect.objectContaining({ log: 'account', person: 'Thomas Berg', field: 'account.role', oldValue: 'member', newValue: 'designer', reason: 'Moved to process design' }),
    );
    const orgOnly = await listAudit(handle.db, { log: 'org' }, { page: 1, size: 100 });
    expect(orgOnly.entries.every((entry) => entry.log === 'org')).toBe(true);
  });
});
