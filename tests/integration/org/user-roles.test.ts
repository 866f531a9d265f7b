import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { users } from '@/db/schema';
import { updateUser } from '@/lib/org/update-user';
import { adminActor, demoOrg } from './support';

describe('changing accounts', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await demoOrg();
  }, 60_000);
  afterAll(() => handle.close());

  async function idOf(email: string): Promise<string> {
    const [row] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(email);
    return row.id;
  }

  it('refuses an admin changing their own role, and demoting the last active admin', async () => {
    const admin = await adminActor(handle);
    const ines = await idOf('ines.carvalho@baton.example');

    await expect(updateUser(handle.db, { actorId: admin.id, userId: admin.id, role: 'member' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateUser(handle.db, { actorId: ines, userId: admin.id, active: false })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Margaret Okafor is the last active administrator; make someone else an administrator first.',
    });

    await updateUser(handle.db, { actorId: admin.id, userId: ines, role: 'admin' });
    expect(await updateUser(handle.db, { actorId: ines, userId: admin.id, role: 'designer' })).toEqual({
      role: 'designer',
      active: true,
    });
  });
});
