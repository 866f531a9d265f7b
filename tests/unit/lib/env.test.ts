import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env, resetEnv } from '@/lib/env';

describe('environment validation', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const key of Object.keys(process.env)) {
      if (
        /^(DATABASE_URL|BATON_|PORT|NEXTAUTH_|SMTP_URL|MAIL_FROM|APPROVAL_LINK_TTL_HOURS)/.test(key)
      ) {
        vi.stubEnv(key, undefined);
      }
    }
    resetEnv();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    process.env = { ...saved };
    resetEnv();
  });

  it('falls back to documented defaults', () => {
    const settings = env();
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.dataDir).toBe(path.resolve('.data'));
    expect(settings.PORT).toBe(3000);
    expect(settings.baseUrl).toBe('http://localhost:3000');
    expect(settings.BATON_CURRENCY).toBe('USD');
    expect(settings.BATON_DEMO_PASSWORD).toBe('baton-demo');
    expect(settings.BATON_WORKER).toBe('on');
    expect(settings.APPROVAL_LINK_TTL_HOURS).toBe(168);
  });

  it('reads and coerces what is set', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@localhost:5432/test');
    vi.stubEnv('PORT', '3100');
    vi.stubEnv('BATON_URL', 'https://baton.example.com/');
    vi.stubEnv('BATON_CURRENCY', 'EUR');
    vi.stubEnv('BATON_DEMO_PASSWORD', 'another-demo');
    const settings = env();
    expect(settings.DATABASE_URL).toBe('postgres://postgres@localhost:5432/test');
    expect(settings.PORT).toBe(3100);
    expect(settings.baseUrl).toBe('https://baton.example.com');
    expect(settings.BATON_CURRENCY).toBe('EUR');
    expect(settings.BATON_DEMO_PASSWORD).toBe('another-demo');
  });

  it('names every invalid setting at once', () => {
    vi.stubEnv('DATABASE_URL', 'mysql://localhost/db');
    vi.stubEnv('BATON_CURRENCY', 'euro');
    vi.stubEnv('NEXTAUTH_SECRET', 'short');
    vi.stubEnv('BATON_DEMO_PASSWORD', 'abc');
    expect(() => env()).toThrowError(
      /DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*BATON_CURRENCY[\s\S]*BATON_DEMO_PASSWORD/,
    );
  });
});
