'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { ROLES, SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { updateUser } from '@/lib/org/update-user';

export const updateUserAction = withRole(
  SECTION_ROLES.admin,
  z.object({
    userId: z.uuid(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    reason: z.string().max(1000, 'Keep the reason under 1,000 characters.').optional(),
  }),
  async (input, { user }) => {
    const result = await updateUser(await getDb(), { actor: { id: user.id, name: user.name }, ...input });
    revalidatePath('/admin/users');
    revalidatePath('/admin/audit');
    return result;
  },
);
