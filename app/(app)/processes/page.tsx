import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PlusIcon, ProcessIcon, SearchIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { mayEditProcesses } from '@/lib/designer/designer-roles';
import { listProcesses, type ProcessSummary } from '@/lib/designer/list-processes';
import { ImportBpmn } from './new/import-bpmn';

export const metadata = { title: 'Processes' };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function DraftBadge({ process }: { process: ProcessSummary }) {
  if (process.draftState === 'new') return <Badge tone="amber">Draft, not deployed</Badge>;
  if (process.draftState === 'changed') return <Badge tone="brand">Changed since v{process.latestVersion}</Badge>;
  return <Badge tone="neutral">Same as live</Badge>;
}

export default async function ProcessesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireSection('processes');
  const designs = mayEditProcesses(user.role);
  const { q } = await searchParams;
  const search = typeof q === 'string' ? q.slice(0, 200) : '';
  const processes = await listProcesses(await getDb(), search);
  const visible = designs ? processes : processes.filter((p) => p.latestVersion !== null);

  return (
    <>
      <PageHeader
        title="Processes"
        description={
          designs
            ? 'Design processes in BPMN, deploy them, and people can start requests from here.'
            : 'The processes deployed in Baton. Open one to see how it runs.'
        }
        actions={
          designs ? (
            <>
              <Link href="/forms" className={buttonClasses('ghost')}>
                Forms
              </Link>
              <ImportBpmn pageDrop />
              <Link href="/processes/new" className={buttonClasses('primary')}>
                <PlusIcon className="size-4" />
                New process
              </Link>
            </>
          ) : undefined
        }
      />

      <form role="search" className="mb-6 flex max-w-md items-center gap-2" action="/processes">
        <label htmlFor="process-search" className="sr-only">
          Search processes
        </label>
        <div className="relative flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
          <input
            id="process-search"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Search by name or process id"
            className="block w-full rounded-lg border-0 py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button type="submit" className={buttonClasses('secondary', 'sm', 'py-2')}>
          Search
        </button>
      </form>

      {visible.length === 0 ? (
        search ? (
          <EmptyState icon={SearchIcon} title="No process matches" action={<Link href="/processes" className={buttonClasses('secondary')}>Show all</Link>}>
            <p>Nothing is called “{search}”, and no process id contains it.</p>
          </EmptyState>
        ) : (
          <EmptyState
            icon={ProcessIcon}
            title="No processes deployed yet"
            action={
              designs ? (
                <Link href="/processes/new" className={buttonClasses('primary')}>
                  <PlusIcon className="size-4" />
                  New process
                </Link>
              ) : undefined
            }
          >
            {designs ? (
              <p>Draw a process in BPMN, add approval steps that follow signature authority, and deploy it. Or drop a .bpmn file on this page.</p>
            ) : (
              <p>When a designer deploys a process, you can start a request from here and follow it to a decision.</p>
            )}
          </EmptyState>
        )
      ) : (
        <Table
          caption="Processes"
          head={
            <>
              <Th>Name</Th>
              <Th>Live version</Th>
              {designs && <Th>Draft</Th>}
              <Th align="right">Running</Th>
              <Th>Last change</Th>
              <Th align="right">
                <span className="sr-only">Download</span>
              </Th>
            </>
          }
        >
          {visible.map((process) => (
            <tr key={process.processId} className="hover:bg-slate-50" data-testid="process-row">
              <Td>
                <Link
                  href={`/processes/${encodeURIComponent(process.processId)}`}
                  className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {process.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{process.processId}</span>
              </Td>
              <Td>
                {process.latestVersion === null ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <Badge tone="green">v{process.latestVersion}</Badge>
                )}
              </Td>
              {designs && (
                <Td>
                  <DraftBadge process={process} />
                </Td>
              )}
              <Td align="right">{process.runningInstances}</Td>
              <Td>
                {process.changedAt ? dateFormat.format(process.changedAt) : '—'}
                {process.changedBy && <span className="block text-xs text-slate-500">{process.changedBy}</span>}
              </Td>
              <Td align="right">
                {process.latestVersion !== null && (
                  <Link
                    href={`/requests/new/${encodeURIComponent(process.processId)}`}
                    className="mr-1 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                    aria-label={`Start a ${process.name} request`}
                  >
                    Start
                  </Link>
                )}
                <a
                  href={`/api/v1/processes/${encodeURIComponent(process.processId)}/download${
                    designs || process.latestVersion === null ? '' : `?version=${process.latestVersion}`
                  }`}
                  download
                  className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                  aria-label={`Download ${process.name} as .bpmn`}
                >
                  .bpmn
                </a>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
