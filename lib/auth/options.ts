import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from '@/lib/env';
import { getDb } from '@/lib/db';
import { authenticate } from './authenticate';
import { createEmailAdapter } from './email-adapter';
import { emailProvider } from './email-provider';
import { admitEmailSignIn } from './email-sign-in';
import { lockedMessage } from './messages';
import type { Role } from './roles';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; employeeId: string | null };
  }
  interface User {
    role: Role;
    employeeId: string | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: string;
    role?: Role;
    employeeId?: string | null;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' && real) || 'unknown';
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth's configuration, built on first use so that neither the secret nor
 * the database is touched while Next.js builds the app.
 */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in', verifyRequest: '/sign-in/check-email' },
    // Only sign-in by email uses the adapter (its one-time tokens); sessions stay JWTs.
    adapter: createEmailAdapter(getDb),
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await authenticate(await getDb(), {
            ...parsed.data,
            ip: clientAddress(request.headers),
          });
          if (result.ok) return result.user;
          // next-auth passes a thrown message to the form; a null becomes "CredentialsSignin".
          if (result.reason === 'locked') throw new Error(lockedMessage(result.retryInMinutes));
          return null;
        },
      }),
      emailProvider(getDb),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        return admitEmailSignIn(await getDb(), {
          provider: account?.provider,
          email: user.email,
          verificationRequest: email?.verificationRequest === true,
        });
      },
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = user.role;
          token.employeeId = user.employeeId;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.id ?? '',
          name: token.name ?? '',
          email: token.email ?? '',
          role: token.role ?? 'member',
          employeeId: token.employeeId ?? null,
        };
        return session;
      },
    },
  };
  return cached;
}
