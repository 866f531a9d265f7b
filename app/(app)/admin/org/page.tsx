import { asc, eq, ilike, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import Link from 'next/link';
import { employees } from '@/db/schema';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { OrgChartIcon, PlusIcon, SearchIcon } from '@/components/ui/icons';
import { formatMinorUnits } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { inputClasses } from '../_components/form-controls';
import { OrgTree } from '../_components/org-tree';

export const metadata = { title: 'Org chart' };

const manager = alias(employees, 'manager');
const delegate = alias(employees, 'delegate');

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function ViewSwitch({ view, query }: { view: 'table' | 'tree'; query: string }) {
  const tab = (target: 'table' | 'tree', label: string) => {
    const params = new URLSearchParams();
    if (target === 'tree') params.set('view', 'tree');
    if (query && target === 'table') params.set('q', query);
    const href = `/admin/org${params.size > 0 ? `?${params.toString()}` : ''}`;
    return (
      <Link
        href={href}
        aria-current={view === target ? 'page' : undefined}
        className={`rounded-md px-3 py-1.5 text-sm font-medium transition ${view === target ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label="Org chart view" className="inline-flex rounded-lg bg-slate-100 p-1">
      {tab('table', 'Table')}
      {tab('tree', 'Tree')}
    </nav>
  );
}

export default async function OrgChartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSection('admin');
  const params = await searchParams;
  const view = first(params.view) === 'tree' ? 'tree' : 'table';
  const query = first(params.q)?.trim().slice(0, 100) ?? '';
  const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const currency = env().BATON_CURRENCY;
  const db = await getDb();

  const header = (
    <PageHeader
      back={{ href: '/admin', label: 'Admin' }}
      title="Org chart"
      description="Everyone approvals can be routed to, with their manager and signature-authority limit."
      actions={
        <>
          <a href="/admin/org/export" className={buttonClasses('secondary')} download>
            Export CSV
          </a>
          <Link href="/admin/org/import" className={buttonClasses('secondary')}>
            Import CSV
          </Link>
          <Link href="/admin/org/new" className={buttonClasses('primary')}>
            <PlusIcon className="size-4" />
            Add person
          </Link>
        </>
      }
    />
  );

  if (view === 'tree') {
    const rows = await loadOrgRows(db);
    return (
      <>
        {header}
        <div className="mb-5 flex items-center justify-between gap-3">
          <ViewSwitch view={view} query={query} />
          <p className="text-sm text-slate-500">{rows.length === 1 ? '1 person' : `${rows.length} people`}</p>
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={OrgChartIcon} title="The org chart is empty">
            <p>Add people one by one, or import the org chart from a CSV file.</p>
          </EmptyState>
        ) : (
          <OrgTree
            people={rows.map((row) => ({
              id: row.id,
              name: row.name,
              title: row.title,
              managerId: row.managerId,
              limitText: formatMinorUnits(row.limit, currency),
              unlimited: row.limit === null,
              active: row.active,
            }))}
          />
        )}
      </>
    );
  }

  const people = await db
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      title: employees.title,
      limit: employees.authorityLimit,
      active: employees.active,
      managerName: manager.name,
      delegateName: delegate.name,
      delegateUntil: employees.delegateUntil,
    })
    .from(employees)
    .leftJoin(manager, eq(employees.managerId, manager.id))
    .leftJoin(delegate, eq(employees.delegateId, delegate.id))
    .where(
      query
        ? or(
            ilike(employees.name, pattern),
            ilike(employees.email, pattern),
            ilike(employees.title, pattern),
          )
        : undefined,
    )
    .orderBy(asc(employees.name));

  return (
    <>
      {header}
      <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-center">
        <ViewSwitch view={view} query={query} />
        <form role="search" className="flex flex-1 flex-col gap-3 sm:flex-row sm:items-center">
          <label htmlFor="org-search" className="sr-only">
            Search people
          </label>
          <div className="relative flex-1 sm:max-w-md">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400" />
            <input
              id="org-search"
              name="q"
              type="search"
              defaultValue={query}
              placeholder="Search by name, email or title"
              className={inputClasses(false, 'py-2.5 pl-10')}
            />
          </div>
          <button type="submit" className={buttonClasses('secondary')}>
            Search
          </button>
          <p className="text-sm text-slate-500 sm:ml-auto" aria-live="polite">
            {people.length === 1 ? '1 person' : `${people.length} people`}
            {query && ` matching “${query}”`}
          </p>
        </form>
      </div>
      {people.length === 0 ? (
        <EmptyState
          icon={OrgChartIcon}
          title={query ? 'Nobody matches that search' : 'The org chart is empty'}
          action={
            query ? (
              <Link href="/admin/org" className={buttonClasses('secondary')}>
                Clear the search
              </Link>
            ) : (
              <Link href="/admin/org/new" className={buttonClasses('primary')}>
                Add a person
              </Link>
            )
          }
        >
          <p>
            {query
              ? 'Try part of a name, an email address or a job title.'
              : 'Approvals are routed through the people listed here. Add people, or import the org chart from a CSV file.'}
          </p>
        </EmptyState>
      ) : (
        <Table
          caption="Org chart"
          head={
            <>
              <Th>Name</Th>
              <Th>Title</Th>
              <Th>Manager</Th>
              <Th align="right">Authority limit</Th>
              <Th>Delegate</Th>
              <Th>Status</Th>
            </>
          }
        >
          {people.map((person) => (
            <tr key={person.id} className="hover:bg-slate-50/60">
              <Td>
                <div className="flex items-center gap-3">
                  <Avatar name={person.name} />
                  <div className="min-w-0">
                    <Link
                      href={`/admin/org/${person.id}`}
                      title={`Edit ${person.name}`}
                      className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700 hover:decoration-brand-600"
                    >
                      {person.name}
                    </Link>
                    <div className="truncate text-slate-500">{person.email}</div>
                  </div>
                </div>
              </Td>
              <Td>{person.title}</Td>
              <Td>{person.managerName ?? <span className="text-slate-400">—</span>}</Td>
              <Td align="right">
                {person.limit === null ? (
                  <Badge tone="brand">Unlimited</Badge>
                ) : (
                  formatMinorUnits(person.limit, currency)
                )}
              </Td>
              <Td>
                {person.delegateName ? (
                  <span>
                    {person.delegateName}
                    {person.delegateUntil && (
                      <span className="block text-xs text-slate-500">until {person.delegateUntil}</span>
                    )}
                  </span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td>
                {person.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
