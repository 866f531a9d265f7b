import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionMessage } from '@/components/tasks/action-message';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { currencyDecimals } from '@/engine/authority';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { limitToText } from '@/lib/org/limit-text';
import type { PersonInput } from '@/lib/org/org-person';
import { listAudit } from '@/lib/org/list-audit';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { fieldLabel, formatInstant } from '../../_components/audit-table';
import { Panel } from '../../_components/form-controls';
import { PersonForm } from '../../_components/person-form';
import { updatePersonAction } from '../actions';

export const metadata = { title: 'Edit person' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditPersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireSection('admin');
  const { personId } = await params;
  if (!UUID.test(personId)) notFound();
  const added = (await searchParams).added === '1';
  const db = await getDb();
  const currency = env().BATON_CURRENCY;
  const [rows, history] = await Promise.all([
    loadOrgRows(db),
    listAudit(db, { employeeId: personId }, { page: 1, size: 20 }),
  ]);
  const person = rows.find((row) => row.id === personId);
  if (!person) notFound();
  const decimals = currencyDecimals(currency);
  const step = decimals.ok && decimals.value > 0 ? `0.${'0'.repeat(decimals.value - 1)}1` : '1';
  const reports = rows.filter((row) => row.managerId === person.id).length;

  async function save(input: { person: PersonInput; reason: string }) {
    'use server';
    return updatePersonAction({ id: personId, ...input });
  }

  return (
    <>
      <PageHeader
        back={{ href: '/admin/org', label: 'Org chart' }}
        title={person.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {person.title || 'No title'} · {reports === 1 ? '1 direct report' : `${reports} direct reports`}
            {person.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
          </span>
        }
        actions={<Avatar name={person.name} />}
      />
      {added && (
        <div className="mb-6">
          <ActionMessage success={`${person.name} was added to the org chart.`} />
        </div>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel title="Details" description="Every change is checked on the server and recorded in the audit log.">
          <PersonForm
            mode="edit"
            personId={person.id}
            initial={{
              name: person.name,
              email: person.email,
              title: person.title,
              managerId: person.managerId,
              limit: limitToText(person.limit, currency),
              active: person.active,
              delegateId: person.delegateId,
              delegateFrom: person.delegateFrom,
              delegateUntil: person.delegateUntil,
            }}
            people={rows.map(({ id, name, title, active }) => ({ id, name, title, active }))}
            currency={currency}
            step={step}
            limitLocked={user.employeeId === person.id}
            save={save}
          />
        </Panel>
        <Panel
          title="History"
          description={history.total === 0 ? undefined : `${history.total} recorded ${history.total === 1 ? 'change' : 'changes'}`}
          actions={
            history.total > history.entries.length ? (
              <Link href={`/admin/audit?person=${person.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                See all in the audit log
              </Link>
            ) : undefined
          }
        >
          {history.entries.length === 0 ? (
            <EmptyState icon={AuditIcon} title="No changes yet">
              <p>Changes to this person appear here, with who made them and why.</p>
            </EmptyState>
          ) : (
            <ul className="space-y-3" aria-label="Changes to this person">
              {history.entries.map((entry) => (
                <li key={entry.id} className="rounded-xl border border-slate-100 bg-slate-50/60 px-4 py-3 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">{fieldLabel(entry.field)}</span>
                    <time className="text-xs text-slate-500" dateTime={entry.changedAt.toISOString()}>
                      {formatInstant(entry.changedAt)}
                    </time>
                  </div>
                  <p className="mt-1 text-slate-700">
                    {entry.oldValue ?? '—'} <span aria-hidden="true">→</span>
                    <span className="sr-only">changed to</span> <span className="font-medium">{entry.newValue ?? '—'}</span>
                  </p>
                  <p className="mt-1 text-xs text-slate-500">
                    By {entry.changedBy}
                    {entry.reason ? ` · “${entry.reason}”` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </>
  );
}
