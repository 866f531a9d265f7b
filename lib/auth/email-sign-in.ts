import type { Database } from '@/db/client';
import { findActiveUserByEmail } from './email-users';

/**
 * next-auth's signIn callback for the email provider. Asking for a link gets
 * the same answer for every address (the provider mails only known accounts);
 * following a link signs in only an account that is still active then.
 * Other providers decide for themselves (the password check in authorize).
 */
export async function admitEmailSignIn(
  db: Database,
  attempt: {
    provider: string | undefined;
    email: string | null | undefined;
    verificationRequest: boolean;
  },
): Promise<boolean> {
  if (attempt.provider !== 'email') return true;
  if (attempt.verificationRequest) return true;
  return Boolean(attempt.email && (await findActiveUserByEmail(db, attempt.email)));
}
