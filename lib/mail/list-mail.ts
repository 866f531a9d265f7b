import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailAttempts, mailboxMessages, mailOutbox } from '@/db/schema';

export interface OutboxEntry {
  id: string;
  kind: string;
  to: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** The outbox, newest first: what was sent, what waits for a retry and why, what failed. */
export async function listOutbox(db: Database, limit = 100): Promise<OutboxEntry[]> {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      to: mailOutbox.to,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** The dev mailbox, newest first, without the bodies. */
export async function listMailbox(db: Database, limit = 100) {
  return db
    .select({
      id: mailboxMessages.id,
      mailId: mailboxMessages.mailId,
      to: mailboxMessages.to,
      from: mailboxMessages.from,
      subject: mailboxMessages.subject,
      receivedAt: mailboxMessages.receivedAt,
    })
    .from(mailboxMessages)
    .orderBy(desc(mailboxMessages.receivedAt))
    .limit(limit);
}

/** One message of the dev mailbox, with both parts and the attempts of its outbox row. */
export async function getMailboxMessage(db: Database, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).limit(1);
  if (!message) return null;
  const attempts = message.mailId
    ? await db.select().from(mailAttempts).where(eq(mailAttempts.mailId, message.mailId)).orderBy(mailAttempts.at)
    : [];
  return { ...message, attempts };
}
