'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/email-link';
import { INVALID_CREDENTIALS_MESSAGE } from '@/lib/auth/messages';
import { CheckEmailNotice, MailIcon } from './check-email-notice';

const inputClasses =
  'block w-full rounded-lg border-0 bg-white px-3.5 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus-visible:outline-none sm:text-sm';

type Mode = 'password' | 'link';

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function SignInForm({
  callbackUrl,
  initialError = null,
}: {
  callbackUrl: string;
  initialError?: string | null;
}) {
  const [mode, setMode] = useState<Mode>('password');
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const switched = useRef(false);

  // After switching between password and link, keyboard users continue in the email field.
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    emailRef.current?.focus();
  }, [mode, sentTo]);

  const switchTo = (next: Mode) => {
    switched.current = true;
    setError(null);
    setSentTo(null);
    setMode(next);
  };

  const signInWithPassword = async (form: FormData) => {
    const result = await signIn('credentials', {
      email: field(form, 'email'),
      password: field(form, 'password'),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation so the server renders the shell with the new session.
      window.location.assign(callbackUrl);
      return true;
    }
    setError(
      !result?.error || result.error === 'CredentialsSignin'
        ? INVALID_CREDENTIALS_MESSAGE
        : result.error,
    );
    return false;
  };

  const askForLink = async (form: FormData) => {
    const email = field(form, 'email').trim();
    const result = await signIn('email', { email, callbackUrl, redirect: false });
    if (result?.error) {
      setError('The sign-in link could not be sent. Try again, or sign in with your password.');
      return;
    }
    setSentTo(email);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      if (mode === 'password') {
        if (await signInWithPassword(form)) return;
      } else {
        await askForLink(form);
      }
    } catch {
      setError('Baton could not be reached. Check your connection and try again.');
    }
    setPending(false);
  };

  if (sentTo !== null) {
    return (
      <CheckEmailNotice email={sentTo} className="mt-8">
        <button
          type="button"
          onClick={() => switchTo('password')}
          className={buttonClasses('secondary', 'md', 'mt-5 w-full')}
        >
          Back to sign in
        </button>
      </CheckEmailNotice>
    );
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-8 space-y-5">
      {error && (
        <div
          role="alert"
          className="flex gap-3 rounded-lg bg-rose-50 p-3.5 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          <AlertIcon className="size-5 shrink-0 text-rose-500" />
          <p>{error}</p>
        </div>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className={`mt-2 ${inputClasses}`}
          placeholder="you@company.com"
          aria-describedby={mode === 'link' ? 'link-hint' : undefined}
        />
        {mode === 'link' && (
          <p id="link-hint" className="mt-2 text-sm text-slate-600">
            We will email you a link that signs you in once, within {SIGN_IN_LINK_MINUTES} minutes.
            No password needed.
          </p>
        )}
      </div>
      {mode === 'password' && (
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-800">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={`mt-2 ${inputClasses}`}
          />
        </div>
      )}
      {mode === 'password' ? (
        <button
          type="submit"
          disabled={pending}
          className={buttonClasses('primary', 'md', 'w-full')}
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      ) : (
        <button
          type="submit"
          disabled={pending}
          className={buttonClasses('primary', 'md', 'w-full')}
        >
          <MailIcon className="size-5" />
          {pending ? 'Sending link…' : 'Email me a link'}
        </button>
      )}
      <div className="flex items-center gap-3 text-xs font-medium tracking-wide text-slate-500 uppercase">
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        or
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      </div>
      {mode === 'password' ? (
        <button
          type="button"
          onClick={() => switchTo('link')}
          className={buttonClasses('secondary', 'md', 'w-full')}
        >
          <MailIcon className="size-5 text-slate-500" />
          Email me a sign-in link
        </button>
      ) : (
        <button
          type="button"
          onClick={() => switchTo('password')}
          className={buttonClasses('secondary', 'md', 'w-full')}
        >
          Use my password instead
        </button>
      )}
    </form>
  );
}
