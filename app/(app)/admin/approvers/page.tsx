import type { ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { AlertIcon, CheckCircleIcon, ShieldIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { SUPPORTED_CURRENCIES, formatMoney, type ApprovalResolution, type TrailRole } from '@/engine/authority';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { loadOrgRows } from '@/lib/org/load-org-rows';
import { previewApprovers, type PreviewApproversResult } from '@/lib/org/preview-approvers';
import { inputClasses } from '../_components/form-controls';

export const metadata = { title: 'Who would approve?' };

const ROLE_BADGES: Record<TrailRole, { label: string; tone: 'neutral' | 'brand' | 'green' | 'amber' | 'red' }> = {
  requester: { label: 'Requester', tone: 'neutral' },
  approver: { label: 'Approves', tone: 'brand' },
  approved: { label: 'Approved', tone: 'green' },
  delegate: { label: 'Delegate', tone: 'brand' },
  'passed-over': { label: 'Passed over', tone: 'neutral' },
  skipped: { label: 'Skipped', tone: 'amber' },
  end: { label: 'Chain ends', tone: 'amber' },
  fallback: { label: 'Fallback', tone: 'amber' },
};

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function Outcome({ resolution, names }: { resolution: ApprovalResolution; names: Map<string, string> }) {
  const name = (id: string) => names.get(id) ?? 'someone not in the org chart';
  switch (resolution.outcome) {
    case 'self-approved':
      return (
        <OutcomeBanner tone="green" title="Approved with no task">
          The requester’s own limit covers the amount and self-authority is on.
        </OutcomeBanner>
      );
    case 'chain':
      return (
        <OutcomeBanner
          tone="brand"
          title={resolution.steps
            .map((step) => (step.onBehalfOfId ? `${name(step.approverId)} for ${name(step.onBehalfOfId)}` : name(step.approverId)))
            .join(', then ')}
        >
          {resolution.steps.length === 1 ? 'One approval decides the request.' : `${resolution.steps.length} approvals, one after the other.`}
        </OutcomeBanner>
      );
    case 'fallback':
      return (
        <OutcomeBanner tone="amber" title={`Fallback approver: ${resolution.approver.kind === 'person' ? name(resolution.approver.id) : `the ${resolution.approver.id} queue`}`}>
          {resolution.reason}
        </OutcomeBanner>
      );
    case 'no-approver':
      return (
        <OutcomeBanner tone="red" title="No approver: the engine would raise an incident">
          {resolution.reason}
        </OutcomeBanner>
      );
  }
}

function OutcomeBanner({ tone, title, children }: { tone: 'green' | 'brand' | 'amber' | 'red'; title: string; children: ReactNode }) {
  const styles = {
    green: 'bg-emerald-50 text-emerald-900 ring-emerald-600/20',
    brand: 'bg-brand-50 text-brand-900 ring-brand-600/20',
    amber: 'bg-amber-50 text-amber-900 ring-amber-600/20',
    red: 'bg-rose-50 text-rose-900 ring-rose-600/20',
  } as const;
  const Icon = tone === 'green' || tone === 'brand' ? CheckCircleIcon : AlertIcon;
  return (
    <div role="status" className={`flex gap-3 rounded-2xl px-5 py-4 ring-1 ring-inset ${styles[tone]}`}>
      <Icon className="mt-0.5 size-6 shrink-0" />
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide opacity-70">Who would approve</p>
        <p className="mt-0.5 text-lg font-semibold">{title}</p>
        <p className="mt-1 text-sm opacity-90">{children}</p>
      </div>
    </div>
  );
}

export default async function WhoWouldApprovePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSection('admin');
  const params = await searchParams;
  const company = env().BATON_CURRENCY;
  const db = await getDb();
  const people = await loadOrgRows(db);
  const names = new Map(people.map((person) => [person.id, person.name]));

  const requesterId = first(params.requester);
  const amount = first(params.amount);
  const currency = first(params.currency) || company;
  const policy = first(params.policy) === 'first-qualified' ? 'first-qualified' : 'chain';
  const selfAuthority = first(params.self) === 'on';
  const fallbackId = first(params.fallback);
  const today = new Date().toISOString().slice(0, 10);
  const on = /^\d{4}-\d{2}-\d{2}$/.test(first(params.on)) ? first(params.on) : today;
  const asked = requesterId !== '' || amount !== '';

  let result: PreviewApproversResult | null = null;
  let problem: string | null = null;
  if (asked) {
    if (!names.has(requesterId)) problem = 'Choose the requester.';
    else if (amount === '') problem = 'Enter an amount.';
    else if (fallbackId && !names.has(fallbackId)) problem = 'Choose the fallback approver from the list.';
    else {
      result = await previewApprovers(
        { db, currency: company },
        {
          requesterId,
          amount,
          currency,
          policy,
          selfAuthority,
          fallbackId: fallbackId || null,
          at: on === today ? new Date() : new Date(`${on}T12:00:00Z`),
        },
      );
      if (!result.ok) problem = result.reason;
    }
  }

  const personOptions = people.map((person) => (
    <option key={person.id} value={person.id}>
      {person.name}
      {person.title ? ` — ${person.title}` : ''}
      {person.active ? '' : ' (inactive)'}
    </option>
  ));

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Who would approve?"
        description="Try a request against the org chart as it is now. The answer comes from the same rules the engine applies when an approval starts."
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <form method="get" className="h-fit space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" aria-label="Request to try">
          <div>
            <label htmlFor="requester" className="block text-sm font-medium text-slate-800">
              Requester
            </label>
            <select id="requester" name="requester" defaultValue={requesterId} required className={inputClasses(false, 'mt-1.5')}>
              <option value="">Choose a person…</option>
              {personOptions}
            </select>
          </div>
          <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3">
            <div>
              <label htmlFor="amount" className="block text-sm font-medium text-slate-800">
                Amount
              </label>
              <input
                id="amount"
                name="amount"
                inputMode="decimal"
                defaultValue={amount}
                placeholder="12500.00"
                required
                className={inputClasses(false, 'mt-1.5 tabular-nums')}
              />
            </div>
            <div>
              <label htmlFor="currency" className="block text-sm font-medium text-slate-800">
                Currency
              </label>
              <select id="currency" name="currency" defaultValue={currency} className={inputClasses(false, 'mt-1.5')}>
                {SUPPORTED_CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Policy</legend>
            <div className="mt-2 space-y-2">
              {(
                [
                  ['chain', 'Chain', 'Every manager up to the first whose limit covers the amount approves, in turn.'],
                  ['first-qualified', 'First qualified', 'Only the first manager whose limit covers the amount approves.'],
                ] as const
              ).map(([value, label, hint]) => (
                <label key={value} className="flex gap-3 rounded-lg p-2 ring-1 ring-inset ring-slate-200 has-[:checked]:bg-brand-50/60 has-[:checked]:ring-brand-300">
                  <input type="radio" name="policy" value={value} defaultChecked={policy === value} className="mt-0.5 size-4 text-brand-600" />
                  <span>
                    <span className="block text-sm font-medium text-slate-900">{label}</span>
                    <span className="block text-xs text-slate-600">{hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-start gap-3">
            <input type="checkbox" name="self" defaultChecked={selfAuthority} className="mt-0.5 size-4 rounded border-slate-300 text-brand-600" />
            <span>
              <span className="block text-sm font-medium text-slate-900">Self-authority</span>
              <span className="block text-xs text-slate-600">If the requester’s own limit covers the amount, approve with no task.</span>
            </span>
          </label>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="fallback" className="block text-sm font-medium text-slate-800">
                Fallback approver
              </label>
              <select id="fallback" name="fallback" defaultValue={fallbackId} className={inputClasses(false, 'mt-1.5')}>
                <option value="">None</option>
                {personOptions}
              </select>
            </div>
            <div>
              <label htmlFor="on" className="block text-sm font-medium text-slate-800">
                On
              </label>
              <input id="on" name="on" type="date" defaultValue={on} className={inputClasses(false, 'mt-1.5')} />
            </div>
          </div>
          <button type="submit" className={buttonClasses('primary', 'md', 'w-full')}>
            Show the approvers
          </button>
        </form>

        <section aria-label="Answer" aria-live="polite" className="space-y-4">
          {!asked ? (
            <EmptyState icon={ShieldIcon} title="Try a request">
              <p>
                Choose a requester and an amount to see who would approve it, in order, and why each person in the chain
                approves, is passed over or is skipped.
              </p>
            </EmptyState>
          ) : problem ? (
            <p role="alert" className="rounded-2xl bg-rose-50 px-5 py-4 text-sm text-rose-800 ring-1 ring-inset ring-rose-600/20">
              {problem}
            </p>
          ) : result?.ok ? (
            <>
              <p className="text-sm text-slate-600">
                {names.get(requesterId)} requests <span className="font-semibold text-slate-900">{result.amountText}</span>
                {' · '}
                {policy === 'chain' ? 'chain' : 'first qualified'}
                {' · '}self-authority {selfAuthority ? 'on' : 'off'}
                {' · '}org chart version {result.preview.resolution.orgVersion}
              </p>
              <Outcome resolution={result.preview.resolution} names={names} />
              <div className="rounded-2xl border border-slate-200 bg-white shadow-sm">
                <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-900">Every person considered, with the reason</h2>
                <ol className="divide-y divide-slate-100" aria-label="Approval trail">
                  {result.preview.trail.map((entry, index) => {
                    const badge = ROLE_BADGES[entry.role];
                    return (
                      <li key={`${entry.personId ?? 'none'}-${index}`} className="flex gap-4 px-5 py-4">
                        <span className="mt-1 w-5 shrink-0 text-right text-xs font-semibold tabular-nums text-slate-400">{index + 1}</span>
                        {entry.name ? <Avatar name={entry.name} size="sm" /> : <span className="size-8 shrink-0" aria-hidden="true" />}
                        <div className="min-w-0 flex-1">
                          <div className="flex flex-wrap items-center gap-2">
                            <span className="font-medium text-slate-900">{entry.name ?? 'Nobody'}</span>
                            <Badge tone={badge.tone}>{badge.label}</Badge>
                            {entry.personId && (
                              <span className="text-xs text-slate-500">limit {formatMoney(entry.limit, company)}</span>
                            )}
                          </div>
                          <p className="mt-1 text-sm text-slate-700">{entry.reason}</p>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              </div>
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}
