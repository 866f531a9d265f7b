import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { InstancesIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { RelativeTime } from '@/components/tasks/relative-time';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { instanceQuerySchema, listInstances, type InstanceQuery } from '@/lib/instances/list-instances';
import { listStartableProcesses } from '@/lib/requests/list-startable-processes';

export const metadata: Metadata = { title: 'Instances' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const inputClasses =
  'mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600';

function pageHref(query: InstanceQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page })) {
    if (value === undefined || value === '' || (key === 'state' && value === 'any') || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/instances?${text}` : '/instances';
}

export default async function InstancesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireSection('instances');
  const raw = await searchParams;
  const query = instanceQuerySchema.parse(
    Object.fromEntries(
      Object.entries(raw)
        .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
        .filter(([, value]) => value !== ''),
    ),
  );
  const db = await getDb();
  const [{ rows, hasMore }, processes] = await Promise.all([listInstances(db, query), listStartableProcesses(db)]);
  const filtered = Object.entries(query).some(
    ([key, value]) => value !== undefined && !(key === 'state' && value === 'any') && key !== 'page',
  );

  return (
    <>
      <PageHeader
        title="Instances"
        description="Every running and finished process instance: where each one is waiting, its history, and any incidents."
      />
      <form method="get" action="/instances" aria-label="Filter instances" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="process" className="text-xs font-medium text-slate-600">Process</label>
          <select id="process" name="process" defaultValue={query.process ?? ''} className={inputClasses}>
            <option value="">All processes</option>
            {processes.map((process) => (
              <option key={process.processId} value={process.processId}>{process.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="state" className="text-xs font-medium text-slate-600">State</label>
          <select id="state" name="state" defaultValue={query.state} className={inputClasses}>
            <option value="any">Any</option>
            <option value="active">Active</option>
            <option value="completed">Completed</option>
            <option value="terminated">Terminated</option>
            <option value="incident">With an incident</option>
          </select>
        </div>
        <div>
          <label htmlFor="key" className="text-xs font-medium text-slate-600">Business key</label>
          <input id="key" name="key" defaultValue={query.key ?? ''} className={inputClasses} />
        </div>
        <div>
          <label htmlFor="startedBy" className="text-xs font-medium text-slate-600">Started by (email)</label>
          <input id="startedBy" name="startedBy" type="email" defaultValue={query.startedBy ?? ''} className={inputClasses} />
        </div>
        <div>
          <label htmlFor="from" className="text-xs font-medium text-slate-600">Started from</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ''} className={inputClasses} />
        </div>
        <div>
          <label htmlFor="to" className="text-xs font-medium text-slate-600">to</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ''} className={inputClasses} />
        </div>
        <button type="submit" className={buttonClasses('secondary')}>Apply</button>
        {filtered && <Link href="/instances" className={buttonClasses('ghost')}>Clear</Link>}
      </form>

      {rows.length === 0 ? (
        <EmptyState
          icon={InstancesIcon}
          title={filtered ? 'No instances match these filters' : 'No process instances yet'}
          action={
            <Link href={filtered ? '/instances' : '/processes'} className={buttonClasses('secondary')}>
              {filtered ? 'Show all instances' : 'Go to processes'}
            </Link>
          }
        >
          <p>
            {filtered
              ? 'Widen the date range or clear the filters.'
              : 'An instance appears here as soon as someone starts a deployed process. Incidents are flagged for you to retry.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption="Process instances"
            head={
              <>
                <Th>Instance</Th>
                <Th>State</Th>
                <Th>Business key</Th>
                <Th>Started by</Th>
                <Th>Started</Th>
              </>
            }
          >
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/instances/${row.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {row.processName}
                  </Link>
                  <div className="mt-0.5 font-mono text-xs text-slate-500">
                    v{row.version} · {row.id.slice(0, 8)}
                  </div>
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-1.5">
                    <Badge tone={row.status === 'active' ? 'brand' : row.status === 'completed' ? 'green' : 'neutral'}>
                      {row.status === 'active' ? 'Active' : row.status === 'completed' ? 'Completed' : 'Terminated'}
                    </Badge>
                    {row.hasIncident && <Badge tone="red">Incident</Badge>}
                  </span>
                </Td>
                <Td>{row.businessKey ?? <span className="text-slate-400">—</span>}</Td>
                <Td>{row.startedBy ?? <span className="text-slate-400">—</span>}</Td>
                <Td><RelativeTime at={row.startedAt} /></Td>
              </tr>
            ))}
          </Table>
          <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
            {query.page > 1 && <Link href={pageHref(query, query.page - 1)} className={buttonClasses('secondary', 'sm')}>Previous</Link>}
            {hasMore && <Link href={pageHref(query, query.page + 1)} className={buttonClasses('secondary', 'sm')}>Next</Link>}
          </nav>
        </>
      )}
    </>
  );
}
