import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { mailboxMessages, users, verificationTokens } from '@/db/schema';
import { createEmailAdapter } from '@/lib/auth/email-adapter';
import { emailProvider } from '@/lib/auth/email-provider';
import { admitEmailSignIn } from '@/lib/auth/email-sign-in';
import { resetEnv } from '@/lib/env';
import { freshDatabase } from '../support/database';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('signing in with a link by email', () => {
  let handle: DatabaseHandle;
  const getDb = () => Promise.resolve(handle.db);
  const adapter = createEmailAdapter(getDb);

  beforeAll(async () => {
    // The dev mailbox, not a real SMTP server, receives the links here.
    delete process.env.SMTP_URL;
    resetEnv();
    handle = await freshDatabase();
    await handle.db.insert(users).values([
      { email: 'ada@example.com', name: 'Ada', passwordHash: 'x', role: 'admin' },
      { email: 'gone@example.com', name: 'Gone', passwordHash: 'x', role: 'member', active: false },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('given an active account, then it is found with its role; a deactivated or unknown address is not', async () => {
    expect(await adapter.getUserByEmail!('ada@example.com')).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada',
      role: 'admin',
      employeeId: null,
    });
    expect(await adapter.getUserByEmail!('gone@example.com')).toBeNull();
    expect(await adapter.getUserByEmail!('nobody@example.com')).toBeNull();
    expect(await adapter.getUser!('not-a-uuid')).toBeNull();
  });

  it('never creates an account', async () => {
    // next-auth types createUser as a union with its successor's adapter; only the call matters here.
    const createUser = adapter.createUser as unknown as (user: object) => unknown;
    await expect(
      Promise.resolve().then(() =>
        createUser({ email: 'new@example.com', emailVerified: new Date() }),
      ),
    ).rejects.toThrow(/never creates one/);
    const emails = (await handle.db.select({ email: users.email }).from(users)).map(
      (row) => row.email,
    );
    expect(emails).not.toContain('new@example.com');
  });

  it('given a link, then it works once, even when opened twice at the same moment', async () => {
    await adapter.createVerificationToken!({
      identifier: 'ada@example.com',
      token: 'hash-1',
      expires: inMinutes(15),
    });
    const both = await Promise.all([
      adapter.useVerificationToken!({ identifier: 'ada@example.com', token: 'hash-1' }),
      adapter.useVerificationToken!({ identifier: 'ada@example.com', token: 'hash-1' }),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(
      await adapter.useVerificationToken!({ identifier: 'ada@example.com', token: 'hash-1' }),
    ).toBeNull();
  });

  it('given a link for another address, then the token does not work for this one', async () => {
    await adapter.createVerificationToken!({
      identifier: 'ada@example.com',
      token: 'hash-2',
      expires: inMinutes(15),
    });
    expect(
      await adapter.useVerificationToken!({ identifier: 'gone@example.com', token: 'hash-2' }),
    ).toBeNull();
  });

  it('keeps no token for an address without an active account', async () => {
    await adapter.createVerificationToken!({
      identifier: 'nobody@example.com',
      token: 'hash-3',
      expires: inMinutes(15),
    });
    await adapter.createVerificationToken!({
      identifier: 'gone@example.com',
      token: 'hash-4',
      expires: inMinutes(15),
    });
    const kept = (await handle.db.select().from(verificationTokens)).map((row) => row.identifier);
    expect(kept).not.toContain('nobody@example.com');
    expect(kept).not.toContain('gone@example.com');
  });

  it('mails the link to a known address only, through the dev mailbox, saying it lasts 15 minutes', async () => {
    const { sendVerificationRequest } = emailProvider(getDb).options;
    const request = (identifier: string) =>
      sendVerificationRequest!({
        identifier,
        url: `http://localhost/api/auth/callback/email?token=t&email=${encodeURIComponent(identifier)}`,
        expires: inMinutes(15),
        provider: {} as never,
        token: 't',
        theme: {},
      });
    await request('ada@example.com');
    await request('nobody@example.com');
    await request('gone@example.com');

    const mail = await handle.db.select().from(mailboxMessages);
    expect(mail.map((message) => message.to)).toEqual(['ada@example.com']);
    expect(mail[0]).toMatchObject({ subject: 'Your sign-in link for Baton', mailId: null });
    expect(mail[0]!.text).toContain(
      'http://localhost/api/auth/callback/email?token=t&email=ada%40example.com',
    );
    expect(mail[0]!.text).toContain('within 15 minutes');
  });

  it('asking for a link is answered alike for everyone; following one signs in only an active account', async () => {
    const ask = (email: string) =>
      admitEmailSignIn(handle.db, { provider: 'email', email, verificationRequest: true });
    expect([
      await ask('ada@example.com'),
      await ask('nobody@example.com'),
      await ask('gone@example.com'),
    ]).toEqual([true, true, true]);
    const follow = (email: string) =>
      admitEmailSignIn(handle.db, { provider: 'email', email, verificationRequest: false });
    expect(await follow('ada@example.com')).toBe(true);
    expect(await follow('gone@example.com')).toBe(false);
    expect(await follow('nobody@example.com')).toBe(false);
  });
});
