import { describe, expect, it } from 'vitest';
import { createFormToken, isSameOrigin, verifyFormToken } from '@/lib/approval-links/form-token';
import { generateLinkToken, hashLinkToken, isWellFormedLinkToken } from '@/lib/approval-links/token';
import { MAX_MAIL_ATTEMPTS, nextMailAttempt } from '@/lib/mail/backoff';
import { escapeHtml, oneLine } from '@/lib/mail/escape';

describe('approval link tokens', () => {
  it('are 256 random bits in base64url, stored only as a SHA-256 hash', () => {
    const token = generateLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateLinkToken()).not.toBe(token);
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(token)).not.toContain(token);
    expect(isWellFormedLinkToken(token)).toBe(true);
    expect(isWellFormedLinkToken(token.slice(1))).toBe(false);
    expect(isWellFormedLinkToken(`${token.slice(1)}!`)).toBe(false);
  });
});

describe('the confirmation form token', () => {
  const now = new Date('2030-01-01T10:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('is accepted for its own link within two hours, and for nothing else', () => {
    const token = createFormToken('secret', 'hash-a', now);
    expect(verifyFormToken('secret', 'hash-a', token, later(60_000))).toBe(true);
    expect(verifyFormToken('secret', 'hash-b', token, later(60_000))).toBe(false);
    expect(verifyFormToken('other', 'hash-a', token, later(60_000))).toBe(false);
    expect(verifyFormToken('secret', 'hash-a', token, later(2 * 3_600_000 + 1))).toBe(false);
    expect(verifyFormToken('secret', 'hash-a', 'garbage', now)).toBe(false);
  });

  it('refuses posts from another origin or a cross-site fetch', () => {
    const allowed = ['https://baton.example'];
    expect(isSameOrigin(new Headers({ origin: 'https://baton.example' }), allowed)).toBe(true);
    expect(isSameOrigin(new Headers(), allowed)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example' }), allowed)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null' }), allowed)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null', 'sec-fetch-site': 'cross-site' }), allowed)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null', 'sec-fetch-site': 'same-site' }), allowed)).toBe(false);
    // The page's own form, posted under Referrer-Policy: no-referrer.
    expect(isSameOrigin(new Headers({ origin: 'null', 'sec-fetch-site': 'same-origin' }), allowed)).toBe(true);
    expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'cross-site' }), allowed)).toBe(false);
  });
});

describe('mail content', () => {
  it('escapes user text for HTML and keeps headers on one line', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(oneLine('Laptops\r\nBcc: everyone@example.com')).toBe('Laptops Bcc: everyone@example.com');
  });

  it('retries a failed mail later and later, then gives up', () => {
    const now = new Date('2030-01-01T10:00:00Z');
    expect(nextMailAttempt(1, now)?.getTime()).toBe(now.getTime() + 30_000);
    expect(nextMailAttempt(2, now)?.getTime()).toBe(now.getTime() + 60_000);
    expect(nextMailAttempt(MAX_MAIL_ATTEMPTS - 1, now)!.getTime() - now.getTime()).toBeLessThanOrEqual(3_600_000);
    expect(nextMailAttempt(MAX_MAIL_ATTEMPTS, now)).toBeNull();
  });
});
