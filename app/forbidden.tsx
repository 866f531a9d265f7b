import { Logo } from '@/components/layout/logo';
import { ForbiddenNotice } from '@/components/layout/forbidden-notice';

export const metadata = { title: 'Not allowed' };

export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6">
      <Logo />
      <ForbiddenNotice />
    </main>
  );
}
