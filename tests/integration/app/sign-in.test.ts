import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { users } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from '@/lib/auth/sign-in-limit';
import { freshDatabase } from '../support/database';

const minutes = (n: number) => n * 60_000;

describe('signing in with email and password', () => {
  let handle: DatabaseHandle;
  const start = new Date('2030-01-01T09:00:00Z');
  const at = (offset: number) => new Date(start.getTime() + offset);

  beforeAll(async () => {
    handle = await freshDatabase();
    const passwordHash = await hashPassword('correct horse');
    await handle.db.insert(users).values([
      { email: 'ada@example.com', name: 'Ada', passwordHash, role: 'admin' },
      { email: 'bob@example.com', name: 'Bob', passwordHash, role: 'member' },
      { email: 'gone@example.com', name: 'Gone', passwordHash, role: 'member', active: false },
      { email: 'cy@example.com', name: 'Cy', passwordHash, role: 'designer' },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('accepts the right password, whatever the case of the email', async () => {
    const result = await authenticate(handle.db, {
      email: ' Ada@Example.com ',
      password: 'correct horse',
      ip: '10.0.0.1',
      now: at(0),
    });
    expect(result).toMatchObject({ ok: true, user: { email: 'ada@example.com', role: 'admin' } });
  });

  it('answers a wrong password, an unknown email and a deactivated account alike', async () => {
    const attempts = [
      { email: 'ada@example.com', password: 'wrong' },
      { email: 'nobody@example.com', password: 'correct horse' },
      { email: 'gone@example.com', password: 'correct horse' },
    ];
    for (const attempt of attempts) {
      expect(
        await authenticate(handle.db, { ...attempt, ip: '10.0.0.2', now: at(minutes(1)) }),
      ).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
  });

  it('locks an email after repeated failures, even for the right password, until the window passes', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await authenticate(handle.db, {
        email: 'bob@example.com',
        password: 'guess',
        ip: `10.1.0.${i}`,
        now: at(minutes(i)),
      });
    }
    const locked = await authenticate(handle.db, {
      email: 'bob@example.com',
      password: 'correct horse',
      ip: '10.1.1.1',
      now: at(minutes(5)),
    });
    expect(locked).toEqual({ ok: false, reason: 'locked', retryInMinutes: 10 });

    const later = await authenticate(handle.db, {
      email: 'bob@example.com',
      password: 'correct horse',
      ip: '10.1.1.1',
      now: at(minutes(15) + 1000),
    });
    expect(later.ok).toBe(true);
  });

  it('limits one address trying many emails', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate(handle.db, {
        email: `someone${i}@example.com`,
        password: 'x',
        ip: '10.9.9.9',
        now: at(minutes(20)),
      });
    }
    const result = await authenticate(handle.db, {
      email: 'cy@example.com',
      password: 'correct horse',
      ip: '10.9.9.9',
      now: at(minutes(21)),
    });
    expect(result).toEqual({ ok: false, reason: 'locked', retryInMinutes: 14 });
    const elsewhere = await authenticate(handle.db, {
      email: 'cy@example.com',
      password: 'correct horse',
      ip: '10.9.9.10',
      now: at(minutes(21)),
    });
    expect(elsewhere.ok).toBe(true);
  });
});
