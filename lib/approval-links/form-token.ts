import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a rendered confirmation form may be submitted. */
const FORM_TTL_MS = 2 * 60 * 60 * 1000;

function sign(secret: string, linkTokenHash: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`approval-form|${linkTokenHash}|${issuedAt}`).digest('base64url');
}

/**
 * A per-render token for the confirmation form, bound to the link: a page on
 * another site cannot read it, so it cannot post the form (with the Origin
 * check, the page's protection against cross-site posting).
 */
export function createFormToken(secret: string, linkTokenHash: string, now: Date): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${sign(secret, linkTokenHash, issuedAt)}`;
}

export function verifyFormToken(secret: string, linkTokenHash: string, formToken: string, now: Date): boolean {
  const [issued, signature] = formToken.split('.');
  const issuedAt = Number(issued);
  if (!signature || !Number.isSafeInteger(issuedAt)) return false;
  const age = now.getTime() - issuedAt;
  if (age < 0 || age > FORM_TTL_MS) return false;
  const expected = Buffer.from(sign(secret, linkTokenHash, issuedAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether a POST comes from this site: browsers send Origin (and Sec-Fetch-Site)
 * on form posts; a missing Origin is accepted because the form token still
 * has to match. The link page is served with `Referrer-Policy: no-referrer`,
 * under which Chromium posts its own form with `Origin: null`; that is
 * accepted only when the browser also vouches that the post is same-origin.
 */
export function isSameOrigin(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site') return false;
  const origin = headers.get('origin');
  if (origin === 'null') return site === 'same-origin';
  return origin === null || allowedOrigins.includes(origin);
}
