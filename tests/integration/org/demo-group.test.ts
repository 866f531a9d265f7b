import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { groupMembers, groups, userChanges, users } from '@/db/schema';
import { DEMO_GROUP, seed } from '@/db/seed';
import { createGroup } from '@/lib/groups/create-group';
import { listGroups } from '@/lib/groups/list-groups';
import { removeGroupMember } from '@/lib/groups/remove-group-member';
import { adminActor, demoOrg } from './support';

describe('the demo group', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await demoOrg();
  }, 60_000);
  afterAll(() => handle.close());

  const members = async () =>
    (
      await handle.db
        .select({ email: users.email })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(eq(groupMembers.groupKey, DEMO_GROUP.key))
        .orderBy(asc(users.email))
    ).map((row) => row.email);

  it('is seeded with its demo members, and a second seed keeps an admin’s removal', async () => {
    expect(await handle.db.select({ key: groups.key, name: groups.name }).from(groups)).toEqual([
      { key: 'finance', name: 'Finance approvers' },
    ]);
    expect(await members()).toEqual(['daniel.reyes@baton.example', 'thomas.berg@baton.example']);

    const admin = await adminActor(handle);
    const [daniel] = await handle.db.select().from(users).where(eq(users.email, 'daniel.reyes@baton.example'));
    expect(await removeGroupMember(handle.db, { actor: admin, groupKey: 'finance', userId: daniel!.id, reason: 'Left finance' })).toEqual({ removed: true });
    expect(await handle.db.select({ field: userChanges.field, oldValue: userChanges.oldValue, newValue: userChanges.newValue, reason: userChanges.reason }).from(userChanges).where(eq(userChanges.userId, daniel!.id))).toEqual([
      { field: 'group', oldValue: 'finance', newValue: null, reason: 'Left finance' },
    ]);

    await seed(handle.db, { currency: 'USD', demoPassword: 'baton-demo-test' });
    expect(await members()).toEqual(['thomas.berg@baton.example']);
    expect((await listGroups(handle.db))[0]).toMatchObject({ key: 'finance', activeMembers: 1 });
  });

  it('refuses a key that is a role, that is taken, or that processes could not name', async () => {
    await expect(createGroup(handle.db, { key: 'admin', name: 'Admins' })).rejects.toMatchObject({ code: 'invalid', field: 'key' });
    await expect(createGroup(handle.db, { key: 'finance', name: 'Finance again' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'There is already a group with the key “finance”.',
    });
    await expect(createGroup(handle.db, { key: 'Has Spaces', name: 'Spaces' })).rejects.toMatchObject({ field: 'key' });
    await expect(createGroup(handle.db, { key: 'payroll', name: '  ' })).rejects.toMatchObject({ field: 'name' });
  });
});
