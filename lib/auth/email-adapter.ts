import { and, eq, lt } from 'drizzle-orm';
import type { Adapter, AdapterUser, VerificationToken } from 'next-auth/adapters';
import type { Database } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { findActiveUserByEmail, findActiveUserById, type EmailSignInUser } from './email-users';

function asAdapterUser(user: EmailSignInUser): AdapterUser {
  return { ...user, emailVerified: null };
}

/**
 * The part of a next-auth adapter that sign-in by email needs, over the
 * `users` and `verification_tokens` tables. Accounts are created by admins,
 * never by signing in, and sessions stay JWTs, so this adapter finds users
 * but refuses to create them and keeps no sessions.
 */
export function createEmailAdapter(getDb: () => Promise<Database>): Adapter {
  return {
    async getUser(id) {
      const user = await findActiveUserById(await getDb(), id);
      return user ? asAdapterUser(user) : null;
    },

    async getUserByEmail(email) {
      const user = await findActiveUserByEmail(await getDb(), email);
      return user ? asAdapterUser(user) : null;
    },

    // next-auth records here that the email was verified; accounts have no such column, so the user is only read back.
    async updateUser({ id }) {
      const user = await findActiveUserById(await getDb(), id);
      if (!user)
        throw new Error('Expected an active account to sign in to, but it was deactivated');
      return asAdapterUser(user);
    },

    createUser() {
      throw new Error('Expected an existing account, but signing in by email never creates one');
    },

    async createVerificationToken(token) {
      const db = await getDb();
      // Links for addresses without an account are never mailed, so they are not kept either.
      if (!(await findActiveUserByEmail(db, token.identifier))) return token;
      await db.delete(verificationTokens).where(lt(verificationTokens.expires, new Date()));
      await db.insert(verificationTokens).values(token);
      return token;
    },

    // Deleting and returning in one statement makes the link single-use even when it is opened twice at once.
    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      const db = await getDb();
      const [used] = await db
        .delete(verificationTokens)
        .where(
          and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)),
        )
        .returning();
      return used ?? null;
    },
  };
}
