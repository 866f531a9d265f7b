import { cache } from 'react';
import { and, eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { users } from '@/db/schema';
import { getDb } from '@/lib/db';
import { memberGroupsSql } from '@/lib/groups/member-groups-sql';
import { authOptions } from './options';
import type { Role } from './roles';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  employeeId: string | null;
  /** Keys of the groups the account is a member of; the role counts as a group too (see groupsOf). */
  groups: string[];
}

/**
 * The signed-in user, or null. The session cookie only says who signed in; the
 * account is read again so a deactivated account or a changed role takes effect
 * on the next request rather than when the cookie expires, and so do group
 * memberships, read in the same query. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      employeeId: users.employeeId,
      groups: memberGroupsSql(users.id),
    })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return user ?? null;
});
