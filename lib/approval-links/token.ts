import { createHash, randomBytes } from 'node:crypto';

/** 32 bytes from the CSPRNG: 256 bits, well past the 128 a link needs. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Only this hash is stored; the token itself lives in the mail alone. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether the text could be a token at all (a tampered or truncated link is not). */
export function isWellFormedLinkToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
