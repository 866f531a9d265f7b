'use client';

import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/email-link';
import { useEffect, useRef, type ReactNode, type SVGProps } from 'react';

export function MailIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d="M21.75 6.75v10.5a2.25 2.25 0 0 1-2.25 2.25h-15a2.25 2.25 0 0 1-2.25-2.25V6.75m19.5 0A2.25 2.25 0 0 0 19.5 4.5h-15a2.25 2.25 0 0 0-2.25 2.25m19.5 0v.24a2.25 2.25 0 0 1-1.07 1.92l-7.5 4.61a2.25 2.25 0 0 1-2.36 0L3.32 8.91a2.25 2.25 0 0 1-1.07-1.91v-.25" />
    </svg>
  );
}

/**
 * The answer to "email me a sign-in link", the same whether or not the address
 * has an account: saying which addresses exist would help whoever guesses them.
 */
export function CheckEmailNotice({
  email,
  className = '',
  children,
}: {
  email?: string;
  className?: string;
  children?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form this replaces had focus; moving it here lets screen readers announce the outcome.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section
      aria-labelledby="check-email-heading"
      className={`rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 ${className}`}
    >
      <div className="flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <MailIcon className="size-6" />
      </div>
      <h2
        id="check-email-heading"
        ref={headingRef}
        tabIndex={-1}
        className="mt-4 text-lg font-semibold text-slate-900 focus-visible:outline-none"
      >
        Check your email
      </h2>
      <p className="mt-2 text-sm text-slate-600">
        If{' '}
        {email ? <strong className="font-medium text-slate-900">{email}</strong> : 'that address'}{' '}
        belongs to a Baton account, a sign-in link is on its way. It works once, within{' '}
        {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <p className="mt-2 text-sm text-slate-500">
        Nothing arriving? Check your spam folder, or ask for a new link.
      </p>
      {children}
    </section>
  );
}
