import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { ACCOUNT_FIELDS, listAudit, type AuditFilter, type AuditLog } from '@/lib/org/list-audit';
import { listAuditAuthors } from '@/lib/org/list-audit-authors';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { ORG_FIELDS } from '@/lib/org/org-person';
import { AuditTable } from '../_components/audit-table';
import { inputClasses } from '../_components/form-controls';

export const metadata = { title: 'Audit log' };

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOGS: Record<AuditLog, string> = { org: 'Org chart', account: 'Accounts' };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSection('admin');
  const params = await searchParams;
  const log = first(params.log);
  const field = first(params.field);
  const filter: AuditFilter = {
    log: Object.hasOwn(LOGS, log) ? (log as AuditLog) : null,
    employeeId: UUID.test(first(params.person)) ? first(params.person) : null,
    field: Object.hasOwn(ORG_FIELDS, field) || Object.hasOwn(ACCOUNT_FIELDS, field) ? field : null,
    changedBy: first(params.by) || null,
    from: DAY.test(first(params.from)) ? first(params.from) : null,
    to: DAY.test(first(params.to)) ? first(params.to) : null,
  };
  const page = Math.max(1, Math.min(100_000, Number.parseInt(first(params.page), 10) || 1));
  const db = await getDb();
  const [{ entries, total }, people, authors] = await Promise.all([
    listAudit(db, filter, { page, size: PAGE_SIZE }),
    loadOrgRows(db),
    listAuditAuthors(db),
  ]);
  const filtered = Object.values(filter).some(Boolean);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (target: number) => {
    const query = new URLSearchParams();
    if (filter.log) query.set('log', filter.log);
    if (filter.employeeId) query.set('person', filter.employeeId);
    if (filter.field) query.set('field', filter.field);
    if (filter.changedBy) query.set('by', filter.changedBy);
    if (filter.from) query.set('from', filter.from);
    if (filter.to) query.set('to', filter.to);
    if (target > 1) query.set('page', String(target));
    return `/admin/audit${query.size > 0 ? `?${query.toString()}` : ''}`;
  };

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Audit log"
        description="Every change to the org chart, to signature authority and to accounts (roles, status, groups), newest first. Entries are never edited or removed."
      />
      <form
        method="get"
        aria-label="Filter the audit log"
        className="mb-6 grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
      >
        <div>
          <label htmlFor="audit-log" className="block text-xs font-medium text-slate-600">
            Record
          </label>
          <select id="audit-log" name="log" defaultValue={filter.log ?? ''} className={inputClasses(false, 'mt-1')}>
            <option value="">Org chart and accounts</option>
            {Object.entries(LOGS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-person" className="block text-xs font-medium text-slate-600">
            Person
          </label>
          <select id="audit-person" name="person" defaultValue={filter.employeeId ?? ''} className={inputClasses(false, 'mt-1')}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-field" className="block text-xs font-medium text-slate-600">
            Field
          </label>
          <select id="audit-field" name="field" defaultValue={filter.field ?? ''} className={inputClasses(false, 'mt-1')}>
            <option value="">Any field</option>
            <optgroup label="Org chart">
              {Object.entries(ORG_FIELDS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Accounts">
              {Object.entries(ACCOUNT_FIELDS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div>
          <label htmlFor="audit-by" className="block text-xs font-medium text-slate-600">
            Changed by
          </label>
          <select id="audit-by" name="by" defaultValue={filter.changedBy ?? ''} className={inputClasses(false, 'mt-1')}>
            <option value="">Anyone</option>
            {authors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-xs font-medium text-slate-600">
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ''} className={inputClasses(false, 'mt-1')} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-xs font-medium text-slate-600">
            To (included)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ''} className={inputClasses(false, 'mt-1')} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses('primary')}>
            Filter
          </button>
          {filtered && (
            <Link href="/admin/audit" className={buttonClasses('ghost')}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {entries.length === 0 ? (
        <EmptyState
          icon={AuditIcon}
          title={filtered ? 'No changes match these filters' : 'No changes recorded yet'}
          action={
            filtered ? (
              <Link href="/admin/audit" className={buttonClasses('secondary')}>
                Clear the filters
              </Link>
            ) : undefined
          }
        >
          <p>
            {filtered
              ? 'Widen the date range or choose “Anyone”.'
              : 'When someone changes a manager, a limit, a delegate, a person’s status, or an account’s role or groups, the change appears here with who made it, when, and why.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <AuditTable entries={entries} />
          <nav aria-label="Pages of the audit log" className="mt-4 flex items-center justify-between gap-3 text-sm text-slate-600">
            <p>
              {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + entries.length} of {total.toLocaleString('en-US')}{' '}
              {total === 1 ? 'change' : 'changes'}
            </p>
            <div className="flex gap-2">
              {page > 1 ? (
                <Link href={pageHref(page - 1)} className={buttonClasses('secondary', 'sm')} rel="prev">
                  Newer
                </Link>
              ) : (
                <span className={buttonClasses('secondary', 'sm', 'pointer-events-none opacity-50')} aria-disabled="true">
                  Newer
                </span>
              )}
              <span className="self-center px-1">
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link href={pageHref(page + 1)} className={buttonClasses('secondary', 'sm')} rel="next">
                  Older
                </Link>
              ) : (
                <span className={buttonClasses('secondary', 'sm', 'pointer-events-none opacity-50')} aria-disabled="true">
                  Older
                </span>
              )}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
