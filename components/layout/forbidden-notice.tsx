import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { LockIcon } from '@/components/ui/icons';

/** The body of the 403 page, inside the app shell or on its own. */
export function ForbiddenNotice() {
  return (
    <section className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-8 ring-amber-50/50">
        <LockIcon className="size-7" />
      </span>
      <p className="mt-6 text-sm font-semibold text-amber-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
        You don’t have access to this page
      </h1>
      <p className="mt-3 text-slate-600">
        Your role doesn’t include this section. If you need it, ask an administrator to change your
        role.
      </p>
      <Link href="/inbox" className={buttonClasses('primary', 'md', 'mt-8')}>
        Back to your inbox
      </Link>
    </section>
  );
}
