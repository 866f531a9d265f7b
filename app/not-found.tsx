import Link from 'next/link';
import { Logo } from '@/components/layout/logo';
import { buttonClasses } from '@/components/ui/button';
import { CompassIcon } from '@/components/ui/icons';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-16 text-center">
      <Logo className="mb-12" />
      <span className="flex size-14 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <CompassIcon className="size-7" />
      </span>
      <p className="mt-6 text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-3 max-w-md text-slate-600">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link href="/" className={buttonClasses('primary', 'md', 'mt-8')}>
        Go to your inbox
      </Link>
    </main>
  );
}
