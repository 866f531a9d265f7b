/** How long a sign-in link works: long enough to switch to the mail app, short enough to be useless later. */
export const SIGN_IN_LINK_MINUTES = 15;
