import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';

/**
 * An early, optimistic check only: a visitor without a session cookie is sent
 * to sign-in before any page renders, and every page learns the requested path
 * (for the sign-in redirect's callbackUrl). The real checks run on the server
 * next to the data (lib/authz.ts), because a cookie can be present yet invalid.
 */
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
// Approval links decide by their token alone, so a signed-out approver must reach them.
const PUBLIC_PATHS = ['/sign-in', '/approve'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requested = `${pathname}${search}`;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const isPublic = PUBLIC_PATHS.some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );

  if (!signedIn && !isPublic && !pathname.startsWith('/api/') && pathname !== '/') {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(requested)}`;
    return NextResponse.redirect(url);
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, requested);
  const response = NextResponse.next({ request: { headers } });
  // Pages that decide approvals must never be framed by another site (clickjacking).
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  // An approval link's token is in its path: it must never leak through a Referer header.
  response.headers.set('Referrer-Policy', pathname.startsWith('/approve/') ? 'no-referrer' : 'same-origin');
  return response;
}

export const config = {
  // Everything except Next's own assets, next-auth's endpoints and files with an extension.
  matcher: ['/((?!_next/|api/auth/|favicon.ico|.*\\.[a-zA-Z0-9]+$).*)'],
};
