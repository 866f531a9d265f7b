import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { normalizeEmail } from './sign-in-limit';

export interface EmailSignInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  employeeId: string | null;
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  employeeId: users.employeeId,
};

/**
 * The active account with this email, or null. Sign-in by email only ever
 * finds accounts an admin created: a deactivated account is as unknown as an
 * address that never had one.
 */
export async function findActiveUserByEmail(
  db: Database,
  email: string,
): Promise<EmailSignInUser | null> {
  const [user] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}

export async function findActiveUserById(
  db: Database,
  id: string,
): Promise<EmailSignInUser | null> {
  // users.id is a uuid column: anything else cannot match and would only make PostgreSQL fail the query.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [user] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}
