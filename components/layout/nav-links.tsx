'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Section } from '@/lib/auth/roles';
import { InboxIcon, InstancesIcon, ProcessIcon, ShieldIcon } from '@/components/ui/icons';

const ICONS = {
  processes: ProcessIcon,
  inbox: InboxIcon,
  instances: InstancesIcon,
  admin: ShieldIcon,
} as const;

export interface NavItem {
  section: Section;
  href: string;
  label: string;
  /** A count shown beside the label (open tasks for the inbox). */
  badge?: number;
}

/** The section links; the current one is marked for sight and for screen readers. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = ICONS[item.section];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex items-center gap-2 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                current
                  ? 'bg-brand-50 text-brand-700'
                  : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
              }`}
            >
              <Icon className="size-5 shrink-0" />
              {item.label}
              {item.badge ? (
                <>
                  <span
                    aria-hidden="true"
                    className="rounded-full bg-brand-600 px-1.5 py-0.5 text-xs leading-none font-semibold text-white"
                  >
                    {item.badge > 99 ? '99+' : item.badge}
                  </span>
                  <span className="sr-only">
                    ({item.badge} open {item.badge === 1 ? 'task' : 'tasks'})
                  </span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
