import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per link in an approval mail. The token itself is never stored, only
 * its SHA-256 hash: a copy of the database cannot decide anything. Whether a
 * link still works is read from the task when it is opened (decided, cancelled,
 * reassigned), and `voided_at` records when and why it stopped working.
 */
export const approvalLinkTokens = pgTable(
  'approval_link_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    taskId: text('task_id').notNull(),
    instanceId: text('instance_id').notNull(),
    /** Email of the one person the link decides for. */
    approver: text('approver').notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    /** The outbox mail that carried the link. */
    mailId: text('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('approval_link_tokens_task_idx').on(t.taskId),
    index('approval_link_tokens_live_idx')
      .on(t.expiresAt)
      .where(sql`${t.usedAt} IS NULL AND ${t.voidedAt} IS NULL`),
  ],
);

/**
 * Opening an unknown or tampered approval link, per client address: kept in
 * the database so the limit on guessing holds across every web process.
 */
export const approvalLinkFailures = pgTable(
  'approval_link_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ip: text('ip').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_link_failures_ip_idx').on(t.ip, t.failedAt)],
);

/** Every attempt to send an outbox mail, successful or not, with the transport's answer. */
export const mailAttempts = pgTable(
  'mail_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    mailId: text('mail_id').notNull(),
    attempt: integer('attempt').notNull(),
    transport: text('transport', { enum: ['smtp', 'mailbox'] }).notNull(),
    outcome: text('outcome', { enum: ['sent', 'failed'] }).notNull(),
    error: text('error'),
    messageId: text('message_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mail_attempts_mail_idx').on(t.mailId, t.at)],
);

/**
 * The dev mailbox: with no SMTP server configured, delivered mail lands here
 * and admins read it on the Mailbox page. Rows are the rendered message as a
 * recipient would have received it.
 */
export const mailboxMessages = pgTable(
  'mailbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The outbox row it was sent for (null for sign-in links, which skip the outbox). */
    mailId: text('mail_id'),
    messageId: text('message_id').notNull(),
    from: text('from').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mailbox_messages_received_idx').on(t.receivedAt)],
);

/**
 * Which notifications have been put in the outbox, keyed by what they are about
 * ("approval-request:<task id>", "approval-outcome:<instance>:<element instance>"):
 * written in the same transaction as the outbox row, so each is queued once.
 */
export const mailNotifications = pgTable('mail_notifications', {
  key: text('key').primaryKey(),
  mailId: text('mail_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** next-auth's magic sign-in links: the token is stored hashed by next-auth, single use, short-lived. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type ApprovalLinkToken = typeof approvalLinkTokens.$inferSelect;
export type MailboxMessage = typeof mailboxMessages.$inferSelect;
