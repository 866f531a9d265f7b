import nodemailer from 'nodemailer';
import type { Database } from '@/db/client';
import { mailboxMessages } from '@/db/schema';
import { env } from '@/lib/env';
import type { DeliveryReceipt, OutgoingMail } from './message';

/**
 * Where mail goes: an SMTP server (SMTP_URL), or, with none configured, the
 * dev mailbox in the database that admins read on the Mailbox page. Both take
 * the same rendered message, so what the page shows is what SMTP would send.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  readonly from: string;
  send(mail: OutgoingMail): Promise<DeliveryReceipt>;
}

export function createSmtpTransport(options: {
  url: string;
  from: string;
  /** How long to wait for the server before counting the attempt as failed. */
  timeoutMs?: number;
}): MailTransport {
  const timeout = options.timeoutMs ?? 15_000;
  const transporter = nodemailer.createTransport(options.url, {
    from: options.from,
  });
  transporter.set('connectionTimeout', timeout);
  transporter.set('greetingTimeout', timeout);
  transporter.set('socketTimeout', timeout);
  return {
    kind: 'smtp',
    from: options.from,
    async send(mail) {
      const info = (await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
      })) as { messageId?: string; rejected?: unknown[] };
      const rejected = (info.rejected ?? []).map(String).filter(Boolean);
      if (rejected.length > 0) throw new Error(`The SMTP server refused ${rejected.join(', ')}`);
      return { messageId: info.messageId ?? mail.messageId };
    },
  };
}

export function createMailboxTransport(options: {
  db: Database;
  from: string;
  now?: () => Date;
}): MailTransport {
  const now = options.now ?? (() => new Date());
  return {
    kind: 'mailbox',
    from: options.from,
    async send(mail) {
      await options.db.insert(mailboxMessages).values({
        mailId: mail.mailId,
        messageId: mail.messageId,
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        receivedAt: now(),
      });
      return { messageId: mail.messageId };
    },
  };
}

const globalForMail = globalThis as typeof globalThis & { batonMailTransport?: MailTransport };

/** The configured transport, created once per process. */
export function getMailTransport(db: Database): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  globalForMail.batonMailTransport ??= SMTP_URL
    ? createSmtpTransport({ url: SMTP_URL, from: MAIL_FROM })
    : createMailboxTransport({ db, from: MAIL_FROM });
  return globalForMail.batonMailTransport;
}

/** A message id that is the same on every attempt of one outbox row. */
export function messageIdFor(mailId: string): string {
  let host = 'baton.local';
  try {
    host = new URL(env().baseUrl).hostname || host;
  } catch {
    // An unusual base URL only costs the message id its host name.
  }
  return `<${mailId}@${host}>`;
}
