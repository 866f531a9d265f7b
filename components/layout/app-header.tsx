import Link from 'next/link';
import { getDb } from '@/lib/db';
import { ROLE_LABELS, mayOpen } from '@/lib/auth/roles';
import { countInbox } from '@/lib/tasks/count-inbox';
import type { SessionUser } from '@/lib/auth/session';
import { Logo } from './logo';
import { NavLinks, type NavItem } from './nav-links';
import { UserMenu } from './user-menu';

const SECTIONS: NavItem[] = [
  { section: 'processes', href: '/processes', label: 'Processes' },
  { section: 'inbox', href: '/inbox', label: 'Inbox' },
  { section: 'instances', href: '/instances', label: 'Instances' },
  { section: 'admin', href: '/admin', label: 'Admin' },
];

/** The top bar: logo, the sections this user's role may open (the inbox with its open-task count), and the user menu. */
export async function AppHeader({ user }: { user: SessionUser }) {
  const { open } = await countInbox(await getDb(), { email: user.email, role: user.role });
  const items = SECTIONS.filter((item) => mayOpen(item.section, user.role)).map((item) =>
    item.section === 'inbox' && open > 0 ? { ...item, badge: open } : item,
  );
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link href="/inbox" className="rounded-lg" aria-label="Baton home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden md:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto">
          <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
        </div>
      </div>
      <nav
        aria-label="Main"
        className="overflow-x-auto border-t border-slate-100 px-2 py-1.5 md:hidden"
      >
        <NavLinks items={items} />
      </nav>
    </header>
  );
}
