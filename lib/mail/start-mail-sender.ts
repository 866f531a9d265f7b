import { hostname } from 'node:os';
import type { Store } from '@/engine';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { createMailSender, type MailSender } from './mail-sender';
import { getMailTransport } from './transport';

const globalForMail = globalThis as typeof globalThis & { batonMailSender?: Promise<MailSender> };

/**
 * Starts this process's mail sender once, beside the job worker. Any number of
 * processes may run one: they share the outbox through leased claims.
 */
export function startMailSender(store: Pick<Store, 'claimMails' | 'finishMail'>): Promise<MailSender> {
  globalForMail.batonMailSender ??= getDb().then((db) => {
    const settings = env();
    const sender = createMailSender({
      db,
      store,
      transport: getMailTransport(db),
      baseUrl: settings.baseUrl,
      linkTtlHours: settings.APPROVAL_LINK_TTL_HOURS,
      workerId: `${hostname()}:${process.pid}`,
    });
    sender.start();
    return sender;
  });
  return globalForMail.batonMailSender;
}
