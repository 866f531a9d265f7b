import { randomUUID } from 'node:crypto';
import EmailProvider from 'next-auth/providers/email';
import type { Database } from '@/db/client';
import { renderSignInLink } from '@/lib/mail/templates/sign-in-link';
import { getMailTransport, messageIdFor } from '@/lib/mail/transport';
import { SIGN_IN_LINK_MINUTES } from './email-link';
import { findActiveUserByEmail } from './email-users';

/**
 * Sign-in by a link in a mail, sent through the same transport as every other
 * mail (SMTP, or the dev mailbox). Whoever asks gets the same answer; only an
 * active account's address is actually sent a link, so the answer reveals
 * nothing about which addresses have accounts.
 */
export function emailProvider(getDb: () => Promise<Database>) {
  return EmailProvider({
    maxAge: SIGN_IN_LINK_MINUTES * 60,
    async sendVerificationRequest({ identifier, url }) {
      const db = await getDb();
      if (!(await findActiveUserByEmail(db, identifier))) return;
      const transport = getMailTransport(db);
      const rendered = renderSignInLink({ url, minutes: SIGN_IN_LINK_MINUTES });
      await transport.send({
        ...rendered,
        to: identifier,
        messageId: messageIdFor(randomUUID()),
        mailId: null,
      });
    },
  });
}
