import type { Database } from '@/db/client';
import { voidStaleApprovalLinks } from '@/lib/approval-links/void-stale-approval-links';
import { sendPendingMails, type MailSenderDeps, type SendSummary } from './send-pending-mails';

export interface MailSender {
  /** Polls until stopped; calling it twice starts one loop. */
  start(): void;
  stop(): Promise<void>;
  /** Voids the approval links that stopped working, then sends one batch of due mail. */
  runOnce(): Promise<SendSummary>;
}

export function createMailSender(
  deps: MailSenderDeps & { db: Database; pollMs?: number; onError?: (error: unknown) => void },
): MailSender {
  const pollMs = deps.pollMs ?? 2_000;
  const now = deps.now ?? (() => new Date());
  const onError = deps.onError ?? ((error: unknown) => console.error('mail sender:', error));
  let loop: Promise<void> | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;

  // The engine puts approval mails in the outbox itself, in the transaction of the command that caused them.
  async function runOnce() {
    await voidStaleApprovalLinks(deps.db, now());
    return sendPendingMails(deps);
  }

  async function poll() {
    while (!stopped) {
      let busy = false;
      try {
        const summary = await runOnce();
        busy = summary.sent + summary.failed > 0;
      } catch (error) {
        onError(error);
      }
      if (busy || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    start() {
      if (loop) return;
      stopped = false;
      loop = poll();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      loop = null;
    },
    runOnce,
  };
}
