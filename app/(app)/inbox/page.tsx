import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { InboxIcon, PlusIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { RelativeTime } from '@/components/tasks/relative-time';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { inboxQuerySchema, listInbox, type InboxQuery } from '@/lib/tasks/list-inbox';

export const metadata: Metadata = { title: 'Inbox' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const VIEWS = [
  { view: 'all', label: 'All', count: 'open' },
  { view: 'assigned', label: 'Assigned to me', count: 'assigned' },
  { view: 'claimable', label: 'To claim', count: 'claimable' },
  { view: 'delegated', label: 'Delegated to me', count: 'delegated' },
] as const;

function hrefFor(query: InboxQuery, change: Partial<InboxQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.view !== 'all') params.set('view', next.view);
  if (next.process) params.set('process', next.process);
  if (next.due !== 'any') params.set('due', next.due);
  if (next.sort !== 'created') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  const text = params.toString();
  return text ? `/inbox?${text}` : '/inbox';
}

const selectClasses =
  'mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600';

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireSection('inbox');
  const raw = await searchParams;
  const query = inboxQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const inbox = await listInbox(await getDb(), user, query);
  const firstName = user.name.split(' ')[0] ?? user.name;
  const filtered = query.process !== undefined || query.due !== 'any' || query.view !== 'all';

  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          inbox.counts.open === 0
            ? `Tasks and approvals waiting for you, ${firstName}.`
            : `${inbox.counts.open} open task${inbox.counts.open === 1 ? '' : 's'} waiting for you, ${firstName}${inbox.counts.overdue ? ` — ${inbox.counts.overdue} overdue` : ''}.`
        }
        actions={
          <>
            <Link href="/requests" className={buttonClasses('secondary')}>
              My requests
            </Link>
            <Link href="/requests/new" className={buttonClasses('primary')}>
              <PlusIcon className="size-4" />
              New request
            </Link>
          </>
        }
      />

      <nav aria-label="Inbox views" className="mb-4 flex flex-wrap gap-2">
        {VIEWS.map((item) => {
          const current = query.view === item.view;
          return (
            <Link
              key={item.view}
              href={hrefFor(query, { view: item.view, page: 1 })}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex items-center gap-2 rounded-full px-3.5 py-1.5 text-sm font-medium ring-1 ring-inset ${
                current ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
              }`}
            >
              {item.label}
              <span
                data-testid={`count-${item.view}`}
                className={`rounded-full px-1.5 text-xs tabular-nums ${current ? 'bg-white/20' : 'bg-slate-100'}`}
              >
                {inbox.counts[item.count]}
              </span>
            </Link>
          );
        })}
      </nav>

      <form method="get" action="/inbox" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter and sort">
        {query.view !== 'all' && <input type="hidden" name="view" value={query.view} />}
        <div>
          <label htmlFor="process" className="text-xs font-medium text-slate-600">
            Process
          </label>
          <select id="process" name="process" defaultValue={query.process ?? ''} className={selectClasses}>
            <option value="">All processes</option>
            {inbox.processes.map((process) => (
              <option key={process.processId} value={process.processId}>
                {process.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="due" className="text-xs font-medium text-slate-600">
            Due
          </label>
          <select id="due" name="due" defaultValue={query.due} className={selectClasses}>
            <option value="any">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">Due today</option>
            <option value="week">Due within a week</option>
            <option value="none">No due date</option>
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="text-xs font-medium text-slate-600">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className={selectClasses}>
            <option value="created">Newest first</option>
            <option value="due">Due date</option>
            <option value="amount">Amount, highest first</option>
          </select>
        </div>
        <button type="submit" className={buttonClasses('secondary')}>
          Apply
        </button>
        {filtered && (
          <Link href="/inbox" className={buttonClasses('ghost')}>
            Clear
          </Link>
        )}
      </form>

      {inbox.items.length === 0 ? (
        <EmptyState
          icon={InboxIcon}
          title={filtered ? 'No tasks match these filters' : 'You’re all caught up'}
          action={
            filtered ? (
              <Link href="/inbox" className={buttonClasses('secondary')}>
                Show all tasks
              </Link>
            ) : (
              <Link href="/requests/new" className={buttonClasses('secondary')}>
                Start a request
              </Link>
            )
          }
        >
          <p>
            {filtered
              ? 'Try another view or clear the filters.'
              : 'When a request needs your approval or input, it appears here, and you get an email you can decide from directly.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption="Your tasks"
            head={
              <>
                <Th>Task</Th>
                <Th>Requester</Th>
                <Th align="right">Amount</Th>
                <Th>Assignment</Th>
                <Th>Due</Th>
                <Th>Created</Th>
              </>
            }
          >
            {inbox.items.map((item) => (
              <tr key={item.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/tasks/${item.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {item.requestTitle ?? item.name ?? 'Task'}
                  </Link>
                  <div className="mt-0.5 text-xs text-slate-500">
                    {item.name ?? 'Task'} · {item.processName}
                    {item.step !== null && ` · step ${item.step}`}
                  </div>
                </Td>
                <Td>{item.requesterName ?? item.requester ?? '—'}</Td>
                <Td align="right">{item.amount ?? '—'}</Td>
                <Td>
                  {item.assignee === null ? (
                    <Badge tone="amber">Group: {item.candidateGroups.join(', ') || 'candidates'}</Badge>
                  ) : item.onBehalfOf ? (
                    <Badge tone="brand">For {item.onBehalfOf}</Badge>
                  ) : item.delegatedBy ? (
                    <Badge tone="brand">From {item.delegatedBy}</Badge>
                  ) : (
                    <Badge>Assigned to you</Badge>
                  )}
                </Td>
                <Td>
                  {item.dueDate ? (
                    item.overdue ? <Badge tone="red">Overdue · {item.dueDate.slice(0, 10)}</Badge> : item.dueDate.slice(0, 10)
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </Td>
                <Td>
                  <RelativeTime at={item.createdAt} />
                </Td>
              </tr>
            ))}
          </Table>
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
            <p>
              Page {inbox.page} of {inbox.pageCount} · {inbox.total} task{inbox.total === 1 ? '' : 's'}
            </p>
            <div className="flex gap-2">
              {inbox.page > 1 && (
                <Link href={hrefFor(query, { page: inbox.page - 1 })} className={buttonClasses('secondary', 'sm')}>
                  Previous
                </Link>
              )}
              {inbox.page < inbox.pageCount && (
                <Link href={hrefFor(query, { page: inbox.page + 1 })} className={buttonClasses('secondary', 'sm')}>
                  Next
                </Link>
              )}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
