/** The request header proxy.ts sets to the requested path, so a redirect to sign-in can come back to it. */
export const REQUEST_PATH_HEADER = 'x-baton-path';
