import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ChevronRightIcon, ProcessIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/tasks/relative-time';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { listStartableProcesses } from '@/lib/requests/list-startable-processes';

export const metadata: Metadata = { title: 'New request' };

export default async function NewRequestPage() {
  await requireSection('inbox');
  const processes = await listStartableProcesses(await getDb());
  return (
    <>
      <PageHeader
        back={{ href: '/requests', label: 'My requests' }}
        title="New request"
        description="Choose what you want to request."
      />
      {processes.length === 0 ? (
        <EmptyState icon={ProcessIcon} title="Nothing can be started yet">
          <p>No process is deployed. A designer deploys processes from the Processes page.</p>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {processes.map((process) => (
            <li key={process.processId}>
              <Link
                href={`/requests/new/${encodeURIComponent(process.processId)}`}
                className="group flex h-full items-start justify-between gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <span>
                  <span className="block font-semibold text-slate-900">{process.name}</span>
                  <span className="mt-1 block text-xs text-slate-500">
                    Version {process.version} · deployed <RelativeTime at={process.deployedAt} />
                  </span>
                </span>
                <ChevronRightIcon className="size-5 shrink-0 text-slate-400 group-hover:text-brand-600" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
