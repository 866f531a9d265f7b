import { redirect } from 'next/navigation';
import { Logo } from '@/components/layout/logo';
import { CheckCircleIcon } from '@/components/ui/icons';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { signInErrorMessage } from './sign-in-errors';
import { SignInForm } from './sign-in-form';

export const metadata = { title: 'Sign in' };

/** Only paths on this site may be returned to after signing in. */
function safeCallback(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate &&
    candidate.startsWith('/') &&
    !candidate.startsWith('//') &&
    !candidate.startsWith('/sign-in')
    ? candidate
    : '/inbox';
}

const HIGHLIGHTS = [
  'Draw a process in BPMN and deploy it without writing code',
  'Approvals follow each person’s signature authority in the org chart',
  'Decide from the inbox or straight from an email, with a full audit trail',
];

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const demoPasswordIsDefault = env().BATON_DEMO_PASSWORD === 'baton-demo';

  return (
    <div className="flex min-h-screen">
      <aside className="relative hidden w-[44%] max-w-2xl flex-col justify-between overflow-hidden bg-brand-950 p-12 text-white lg:flex">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-32 -right-32 size-[28rem] rounded-full bg-brand-600/40 blur-3xl"
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -bottom-40 -left-24 size-[24rem] rounded-full bg-sky-500/20 blur-3xl"
        />
        <Logo tone="light" className="relative" />
        <div className="relative">
          <h2 className="text-4xl leading-tight font-semibold tracking-tight">
            Processes that pass the baton to the right person.
          </h2>
          <ul className="mt-10 space-y-4">
            {HIGHLIGHTS.map((text) => (
              <li key={text} className="flex gap-3 text-brand-100">
                <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-sky-300" />
                <span>{text}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-sm text-brand-200">
          Visual BPMN designer and engine with signature-authority approvals.
        </p>
      </aside>

      <main className="flex flex-1 flex-col items-center justify-center px-6 py-12 sm:px-12">
        <div className="w-full max-w-sm">
          <Logo className="lg:hidden" />
          <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900 lg:mt-0">
            Sign in to Baton
          </h1>
          <p className="mt-2 text-sm text-slate-600">
            Design processes visually and route every approval by signature authority.
          </p>
          <SignInForm callbackUrl={callbackUrl} initialError={signInErrorMessage(params.error)} />
          <details className="group mt-10 rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <summary className="cursor-pointer rounded font-medium text-slate-700 marker:text-slate-400">
              Demo accounts
            </summary>
            <p className="mt-3 text-slate-600">
              {demoPasswordIsDefault ? (
                <>
                  Password{' '}
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">
                    baton-demo
                  </code>
                </>
              ) : (
                'Password: the one set in BATON_DEMO_PASSWORD'
              )}
            </p>
            <ul className="mt-3 space-y-2">
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.email} className="flex items-center justify-between gap-3">
                  <span className="truncate text-slate-800">{account.email}</span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {ROLE_LABELS[account.role]}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      </main>
    </div>
  );
}
