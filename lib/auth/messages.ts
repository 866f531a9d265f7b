/** Messages shown on the sign-in page; shared by the server and the form. */
export const INVALID_CREDENTIALS_MESSAGE = 'That email and password do not match an account.';

export function lockedMessage(minutes: number): string {
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
