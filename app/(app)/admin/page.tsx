import Link from 'next/link';
import { count } from 'drizzle-orm';
import type { ComponentType, SVGProps } from 'react';
import { authorityChanges, employees, exchangeRates, groups, mailOutbox, userChanges, users } from '@/db/schema';
import {
  AuditIcon,
  ChevronRightIcon,
  CurrencyIcon,
  InboxIcon,
  OrgChartIcon,
  ShieldIcon,
  UsersIcon,
} from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';

export const metadata = { title: 'Admin' };

interface AdminArea {
  href: string;
  title: string;
  description: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  stat: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export default async function AdminPage() {
  await requireSection('admin');
  const db = await getDb();
  const [[people], [accounts], [teams], [changes], [accountChanges], [rates], [mails]] = await Promise.all([
    db.select({ n: count() }).from(employees),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(groups),
    db.select({ n: count() }).from(authorityChanges),
    db.select({ n: count() }).from(userChanges),
    db.select({ n: count() }).from(exchangeRates),
    db.select({ n: count() }).from(mailOutbox),
  ]);
  const areas: AdminArea[] = [
    {
      href: '/admin/org',
      title: 'Org chart',
      description: 'People, their managers and their signature-authority limits.',
      icon: OrgChartIcon,
      stat: plural(people?.n ?? 0, 'person', 'people'),
    },
    {
      href: '/admin/approvers',
      title: 'Who would approve?',
      description: 'Try a request: see the approval chain and the reason for every step.',
      icon: ShieldIcon,
      stat: 'Same rules as the engine',
    },
    {
      href: '/admin/users',
      title: 'Users',
      description: 'Who can sign in, and with which role.',
      icon: UsersIcon,
      stat: plural(accounts?.n ?? 0, 'account', 'accounts'),
    },
    {
      href: '/admin/groups',
      title: 'Groups',
      description: 'Queues tasks are offered to, and who is in them.',
      icon: UsersIcon,
      stat: plural(teams?.n ?? 0, 'group', 'groups'),
    },
    {
      href: '/admin/audit',
      title: 'Audit log',
      description: 'Every change to the org chart, authority and accounts: who, when, what and why.',
      icon: AuditIcon,
      stat: plural((changes?.n ?? 0) + (accountChanges?.n ?? 0), 'change', 'changes'),
    },
    {
      href: '/admin/exchange-rates',
      title: 'Exchange rates',
      description: 'Rates used to convert requests in other currencies before limits are compared.',
      icon: CurrencyIcon,
      stat: plural(rates?.n ?? 0, 'rate', 'rates'),
    },
    {
      href: '/mailbox',
      title: 'Mailbox',
      description: 'Every mail Baton sends, its delivery attempts, and (without SMTP) the mail itself.',
      icon: InboxIcon,
      stat: plural(mails?.n ?? 0, 'mail', 'mails'),
    },
  ];
  return (
    <>
      <PageHeader
        title="Admin"
        description="Keep the org chart, accounts and rates that approvals depend on right."
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {areas.map((area) => (
          <li key={area.href}>
            <Link
              href={area.href}
              className="group flex h-full items-start gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-200 hover:shadow-md"
            >
              <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
                <area.icon className="size-6" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-center justify-between gap-2">
                  <span className="font-semibold text-slate-900">{area.title}</span>
                  <ChevronRightIcon className="size-4 text-slate-400 transition group-hover:translate-x-0.5 group-hover:text-brand-600" />
                </span>
                <span className="mt-1 block text-sm text-slate-600">{area.description}</span>
                <span className="mt-3 block text-xs font-medium text-slate-500">{area.stat}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
