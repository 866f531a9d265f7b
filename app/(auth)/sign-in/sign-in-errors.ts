/**
 * What the sign-in page says when next-auth sends a visitor back to it with an
 * error code (pages.error). Codes it does not list get the generic message, so
 * an unexpected code never shows raw.
 */
const MESSAGES: Record<string, string> = {
  Verification:
    'That sign-in link has expired or was already used. Ask for a new one below, or sign in with your password.',
  AccessDenied: 'That sign-in link cannot sign you in. Ask an admin to check your account.',
  EmailSignin: 'The sign-in link could not be sent. Try again, or sign in with your password.',
  SessionRequired: 'Sign in to continue.',
};

export function signInErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  return MESSAGES[value] ?? 'Signing in did not work. Try again.';
}
