import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { decoyHash, verifyPassword } from './password';
import {
  checkSignInAllowed,
  normalizeEmail,
  pruneSignInAttempts,
  recordSignInAttempt,
} from './sign-in-limit';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  employeeId: string | null;
}

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryInMinutes: number };

/**
 * Checks an email and password. An unknown email, a wrong password and a
 * deactivated account all give the same answer and cost the same hashing time,
 * so the response reveals nothing about which emails exist.
 */
export async function authenticate(
  db: Database,
  credentials: { email: string; password: string; ip: string; now?: Date },
): Promise<AuthenticationResult> {
  const email = normalizeEmail(credentials.email);
  const allowance = await checkSignInAllowed(db, email, credentials.ip, credentials.now);
  if (!allowance.allowed)
    return { ok: false, reason: 'locked', retryInMinutes: allowance.retryInMinutes };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const matches = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? (await decoyHash()),
  );
  const succeeded = Boolean(user?.active) && matches;
  await recordSignInAttempt(db, { email, ip: credentials.ip, succeeded, at: credentials.now });
  if (!user || !succeeded) return { ok: false, reason: 'invalid' };
  await pruneSignInAttempts(db, credentials.now);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      employeeId: user.employeeId,
    },
  };
}
