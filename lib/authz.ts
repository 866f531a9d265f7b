import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path';
import { mayOpen, type Role, type Section } from '@/lib/auth/roles';

export type { SessionUser };

/**
 * For server components and pages: the signed-in user, or a redirect to the
 * sign-in page that returns here afterwards.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  const requested = (await headers()).get(REQUEST_PATH_HEADER);
  const callbackUrl =
    requested && requested.startsWith('/') && !requested.startsWith('//') ? requested : '/inbox';
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
}

/**
 * For server components and pages: the signed-in user if they hold one of the
 * roles; signed out → sign-in, signed in without the role → the 403 page.
 */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** For a section's layout and pages: the roles come from the same table as the navigation. */
export async function requireSection(section: Section): Promise<SessionUser> {
  const user = await requireUser();
  if (!mayOpen(section, user.role)) forbidden();
  return user;
}
