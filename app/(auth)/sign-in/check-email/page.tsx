import Link from 'next/link';
import { Logo } from '@/components/layout/logo';
import { buttonClasses } from '@/components/ui/button';
import { CheckEmailNotice } from '../check-email-notice';

export const metadata = { title: 'Check your email' };

/** Where next-auth sends a browser that asked for a sign-in link without script (pages.verifyRequest). */
export default function CheckEmailPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-6 py-12">
      <div className="w-full max-w-sm">
        <Logo />
        <CheckEmailNotice className="mt-8">
          <Link href="/sign-in" className={buttonClasses('secondary', 'md', 'mt-5 w-full')}>
            Back to sign in
          </Link>
        </CheckEmailNotice>
      </div>
    </main>
  );
}
