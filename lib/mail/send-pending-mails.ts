import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { approvalLinkTokens, mailAttempts } from '@/db/schema';
import type { MailRecord, Store } from '@/engine';
import { nextMailAttempt } from './backoff';
import { renderMail, UnsendableMail } from './render-mail';
import type { MailTransport } from './transport';

export interface MailSenderDeps {
  db: Database;
  store: Pick<Store, 'claimMails' | 'finishMail'>;
  transport: MailTransport;
  baseUrl: string;
  linkTtlHours: number;
  workerId: string;
  now?: () => Date;
  /** How long a claimed mail is held before another sender may take it (a crashed sender's mail comes back). */
  leaseMs?: number;
  batchSize?: number;
  /** First retry delay; later ones double. */
  retryBaseMs?: number;
}

export interface SendSummary {
  sent: number;
  failed: number;
}

/**
 * Claims the due outbox mails and sends each: the claim is a lease, so a mail
 * whose sender dies is claimed again once the lease runs out, and a mail is
 * marked sent right after the transport accepted it, so it is not sent again.
 * Every attempt is recorded with its error; failures back off and, once the
 * attempts are used up, leave the mail 'failed' for an admin to see.
 */
export async function sendPendingMails(deps: MailSenderDeps): Promise<SendSummary> {
  const now = deps.now ?? (() => new Date());
  const mails = await deps.store.claimMails({
    workerId: deps.workerId,
    now: now(),
    leaseMs: deps.leaseMs ?? 120_000,
    limit: deps.batchSize ?? 10,
  });
  const summary: SendSummary = { sent: 0, failed: 0 };
  for (const mail of mails) {
    if (await sendOne(deps, mail, now)) summary.sent++;
    else summary.failed++;
  }
  return summary;
}

async function sendOne(deps: MailSenderDeps, mail: MailRecord, now: () => Date): Promise<boolean> {
  const record = (outcome: 'sent' | 'failed', details: { error?: string; messageId?: string }) =>
    deps.db.insert(mailAttempts).values({
      mailId: mail.id,
      attempt: mail.attempts,
      transport: deps.transport.kind,
      outcome,
      error: details.error ?? null,
      messageId: details.messageId ?? null,
      at: now(),
    });
  try {
    const rendered = await renderMail(mail, {
      db: deps.db,
      baseUrl: deps.baseUrl,
      linkTtlHours: deps.linkTtlHours,
      now: now(),
    });
    try {
      const receipt = await deps.transport.send(rendered);
      await deps.store.finishMail(mail.id, { sentAt: now() });
      await record('sent', { messageId: receipt.messageId });
      return true;
    } catch (error) {
      // The links of a mail that never left are of no use to anyone: they die with the attempt.
      await deps.db
        .update(approvalLinkTokens)
        .set({ voidedAt: now(), voidReason: 'not delivered' })
        .where(and(eq(approvalLinkTokens.mailId, mail.id), isNull(approvalLinkTokens.usedAt), isNull(approvalLinkTokens.voidedAt)));
      throw error;
    }
  } catch (error) {
    const message = describeError(error);
    const retryAt = error instanceof UnsendableMail ? null : nextMailAttempt(mail.attempts, now(), deps.retryBaseMs);
    await deps.store.finishMail(mail.id, { error: message, nextAttemptAt: retryAt });
    await record('failed', { error: message });
    return false;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return (code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message).slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}
