import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailAttempts, mailOutbox } from '@/db/schema';
import { email, openMailWorld, type MailWorld } from './support/mail-world';

describe('sending while the SMTP server is down', () => {
  let world: MailWorld;
  beforeAll(async () => {
    // Retries come due at once, so the spec need not wait out a real backoff.
    world = await openMailWorld({ retryBaseMs: 1 });
  });
  afterAll(() => world.close());

  it('given SMTP is down, then the mail waits with the failed attempt recorded, and is sent exactly once when SMTP is back', async () => {
    await world.smtp.stop();
    await world.startRequest();

    expect(await world.sender.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    const [waiting] = await world.handle.db.select().from(mailOutbox);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, to: email('mia') });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);

    await world.smtp.start();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await world.sender.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(await world.sender.runOnce()).toMatchObject({ sent: 0, failed: 0 });

    expect(await world.smtp.waitFor(1)).toHaveLength(1);
    const [sent] = await world.handle.db.select().from(mailOutbox);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const attempts = await world.handle.db.select().from(mailAttempts).where(eq(mailAttempts.mailId, sent!.id));
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
    expect(attempts[0]!.error).toMatch(/ECONNREFUSED/);
  });
});
