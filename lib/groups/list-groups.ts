import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { groupMembers, groups, users } from '@/db/schema';

export interface GroupMember {
  userId: string;
  name: string;
  email: string;
  active: boolean;
}

export interface GroupListing {
  key: string;
  name: string;
  description: string;
  createdAt: Date;
  members: GroupMember[];
  /** Members whose account is active: the people who may take the group's tasks. */
  activeMembers: number;
}

/** Every group with its members, by name; two queries whatever the number of groups. */
export async function listGroups(db: Database): Promise<GroupListing[]> {
  const [rows, memberships] = await Promise.all([
    db.select().from(groups).orderBy(asc(groups.name), asc(groups.key)),
    db
      .select({
        groupKey: groupMembers.groupKey,
        userId: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
      })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .orderBy(asc(users.name)),
  ]);
  return rows.map((group) => {
    const members = memberships
      .filter((member) => member.groupKey === group.key)
      .map(({ groupKey: _key, ...member }) => member);
    return {
      key: group.key,
      name: group.name,
      description: group.description,
      createdAt: group.createdAt,
      members,
      activeMembers: members.filter((member) => member.active).length,
    };
  });
}
