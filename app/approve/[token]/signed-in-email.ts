import { and, eq } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      cookies[name] = part.slice(at + 1).trim();
    }
  }
  return cookies;
}

/**
 * The email of the active account this browser is signed in as, or null. Read
 * from the request itself rather than from Next's request scope, so the link
 * page's handler stays a plain function of its request.
 */
export async function signedInEmail(db: Database, request: Request, secret: string): Promise<string | null> {
  const req = { headers: Object.fromEntries(request.headers), cookies: parseCookies(request.headers.get('cookie')) };
  let token = null;
  for (const secureCookie of [true, false]) {
    token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'], secret, secureCookie });
    if (token) break;
  }
  if (!token?.id || !/^[0-9a-f-]{36}$/i.test(token.id)) return null;
  const [user] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, token.id), eq(users.active, true)))
    .limit(1);
  return user?.email.toLowerCase() ?? null;
}
