'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { addGroupMember } from '@/lib/groups/add-group-member';
import { createGroup } from '@/lib/groups/create-group';
import { removeGroupMember } from '@/lib/groups/remove-group-member';

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });
const reason = z.string().max(1000, 'Keep the reason under 1,000 characters.').optional();
const membership = z.object({
  groupKey: z.string().min(1).max(40),
  userId: z.uuid('Choose someone from the list.'),
  reason,
});

function refreshGroupPages() {
  revalidatePath('/admin/groups');
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  revalidatePath('/admin');
}

export const createGroupAction = withRole(
  SECTION_ROLES.admin,
  z.object({
    key: z.string().max(40, 'Keep the key under 40 characters.'),
    name: z.string().max(200, 'Keep the name under 200 characters.'),
    description: z.string().max(1000, 'Keep the description under 1,000 characters.').optional(),
  }),
  async (input) => {
    const group = await createGroup(await getDb(), input);
    refreshGroupPages();
    return { key: group.key };
  },
);

export const addGroupMemberAction = withRole(SECTION_ROLES.admin, membership, async (input, { user }) => {
  const result = await addGroupMember(await getDb(), { actor: actorOf(user), ...input });
  refreshGroupPages();
  return result;
});

export const removeGroupMemberAction = withRole(SECTION_ROLES.admin, membership, async (input, { user }) => {
  const result = await removeGroupMember(await getDb(), { actor: actorOf(user), ...input });
  refreshGroupPages();
  return result;
});
