'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { ActionMessage } from '@/components/tasks/action-message';
import { buttonClasses } from '@/components/ui/button';
import type { ActionResult, ErrorBody } from '@/lib/action';
import type { PersonInput } from '@/lib/org/org-person';
import { describedBy, Field, inputClasses } from './form-controls';

export interface PersonOption {
  id: string;
  name: string;
  title: string;
  active: boolean;
}

type SaveResult = ActionResult<{ changes: number; returnedTasks?: number } | { id: string }>;

/** Server error fields as the form names them. */
const FIELD_OF: Record<string, keyof PersonInput | 'reason'> = {
  name: 'name',
  email: 'email',
  title: 'title',
  manager: 'managerId',
  limit: 'limit',
  active: 'active',
  delegate: 'delegateId',
  delegate_from: 'delegateFrom',
  delegate_until: 'delegateUntil',
  reason: 'reason',
};

/**
 * Adds or edits one person. Every rule is checked again on the server; an
 * error there comes back naming its field, which is marked and focused here.
 */
export function PersonForm({
  mode,
  initial,
  personId,
  people,
  currency,
  step,
  limitLocked,
  save,
}: {
  mode: 'add' | 'edit';
  initial: PersonInput;
  personId: string | null;
  people: PersonOption[];
  currency: string;
  /** The smallest step of the currency ("0.01" for USD, "1" for JPY). */
  step: string;
  /** Set when the admin edits themselves: nobody changes their own authority. */
  limitLocked: boolean;
  save: (input: { person: PersonInput; reason: string }) => Promise<SaveResult>;
}) {
  const router = useRouter();
  const [values, setValues] = useState<PersonInput>(initial);
  const [unlimited, setUnlimited] = useState(initial.limit === 'unlimited');
  const [amount, setAmount] = useState(initial.limit === 'unlimited' ? '' : initial.limit);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const limit = unlimited ? 'unlimited' : amount;
  const needsReason = mode === 'add' || limit !== initial.limit || values.managerId !== initial.managerId;
  const fieldError = (field: keyof PersonInput | 'reason') =>
    error?.field && FIELD_OF[error.field.replace(/^person\./, '')] === field ? error.message : null;
  const set = <K extends keyof PersonInput>(key: K, value: PersonInput[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSuccess(null);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    startTransition(async () => {
      const result = await save({ person: { ...values, limit }, reason });
      if (!result.ok) {
        setError(result.error);
        const field = result.error.field ? FIELD_OF[result.error.field.replace(/^person\./, '')] : undefined;
        if (field) document.getElementById(`person-${field}`)?.focus();
        return;
      }
      if ('id' in result.data) {
        router.push(`/admin/org/${result.data.id}?added=1`);
        return;
      }
      const n = result.data.changes;
      const returned = result.data.returnedTasks ?? 0;
      setSuccess(
        n === 0
          ? 'Nothing changed: the values are the same as before.'
          : `Saved. ${n === 1 ? '1 change was' : `${n} changes were`} recorded in the audit log.` +
              (returned > 0
                ? ` The delegation ended, so ${returned === 1 ? '1 open approval task went' : `${returned} open approval tasks went`} back to this person.`
                : ''),
      );
      setReason('');
      router.refresh();
    });
  }

  const others = people.filter((person) => person.id !== personId);
  const managerOptions = others.filter((person) => person.active || person.id === initial.managerId);
  const delegateOptions = others.filter((person) => person.active || person.id === initial.delegateId);
  const option = (person: PersonOption) => (
    <option key={person.id} value={person.id}>
      {person.name}
      {person.title ? ` — ${person.title}` : ''}
      {person.active ? '' : ' (inactive)'}
    </option>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      <fieldset className="grid gap-5 sm:grid-cols-2" disabled={pending}>
        <legend className="mb-4 text-sm font-semibold text-slate-900">Person</legend>
        <Field id="person-name" label="Name" error={fieldError('name')}>
          <input
            id="person-name"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            autoComplete="off"
            required
            className={inputClasses(Boolean(fieldError('name')))}
            {...describedBy('person-name', fieldError('name'))}
          />
        </Field>
        <Field id="person-email" label="Email" error={fieldError('email')}>
          <input
            id="person-email"
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.target.value)}
            autoComplete="off"
            required
            className={inputClasses(Boolean(fieldError('email')))}
            {...describedBy('person-email', fieldError('email'))}
          />
        </Field>
        <Field id="person-title" label="Title" error={fieldError('title')}>
          <input
            id="person-title"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            className={inputClasses(Boolean(fieldError('title')))}
            {...describedBy('person-title', fieldError('title'))}
          />
        </Field>
        <Field
          id="person-managerId"
          label="Manager"
          hint="Approvals walk up from here."
          error={fieldError('managerId')}
        >
          <select
            id="person-managerId"
            value={values.managerId ?? ''}
            onChange={(event) => set('managerId', event.target.value || null)}
            className={inputClasses(Boolean(fieldError('managerId')))}
            {...describedBy('person-managerId', fieldError('managerId'), true)}
          >
            <option value="">No manager (top of the org chart)</option>
            {managerOptions.map(option)}
          </select>
        </Field>
        <div className="flex items-center gap-3 sm:col-span-2">
          <input
            id="person-active"
            type="checkbox"
            checked={values.active}
            onChange={(event) => set('active', event.target.checked)}
            className="size-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
            {...describedBy('person-active', fieldError('active'))}
          />
          <label htmlFor="person-active" className="text-sm font-medium text-slate-800">
            Active
          </label>
          <span className="text-xs text-slate-500">Inactive people are skipped by every approval.</span>
          {fieldError('active') && (
            <p id="person-active-error" className="text-xs font-medium text-rose-700">
              {fieldError('active')}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-100 pt-6" disabled={pending}>
        <legend className="sr-only">Signature authority</legend>
        <h3 className="text-sm font-semibold text-slate-900">Signature authority</h3>
        {limitLocked && (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            This is you. Nobody may change their own authority limit; another administrator can.
          </p>
        )}
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div className="flex items-center gap-2 sm:pt-8">
            <input
              id="person-unlimited"
              type="checkbox"
              checked={unlimited}
              disabled={limitLocked}
              onChange={(event) => {
                setUnlimited(event.target.checked);
                setSuccess(null);
              }}
              className="size-4 rounded border-slate-300 text-brand-600"
            />
            <label htmlFor="person-unlimited" className="text-sm font-medium text-slate-800">
              Unlimited
            </label>
          </div>
          <Field
            id="person-limit"
            label={`Authority limit (${currency})`}
            hint={`Approves requests up to and including this amount, in ${currency}.`}
            error={fieldError('limit')}
            className="flex-1 sm:max-w-xs"
          >
            <div className="relative">
              <input
                id="person-limit"
                inputMode="decimal"
                value={unlimited ? '' : amount}
                placeholder={unlimited ? 'Unlimited' : `e.g. 5000${step === '1' ? '' : `.${'0'.repeat(step.length - 2)}`}`}
                disabled={unlimited || limitLocked}
                onChange={(event) => {
                  setAmount(event.target.value);
                  setSuccess(null);
                }}
                className={inputClasses(Boolean(fieldError('limit')), 'pr-14 tabular-nums')}
                {...describedBy('person-limit', fieldError('limit'), true)}
              />
              <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-500">
                {currency}
              </span>
            </div>
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-100 pt-6" disabled={pending}>
        <legend className="sr-only">Delegation</legend>
        <h3 className="text-sm font-semibold text-slate-900">Delegation</h3>
        <p className="-mt-2 text-sm text-slate-600">
          While away, this person’s approvals go to the delegate, who acts with this person’s limit.
          Leave the dates empty for an open-ended delegation; the last day is included.
        </p>
        <div className="grid gap-5 sm:grid-cols-3">
          <Field id="person-delegateId" label="Delegate" error={fieldError('delegateId')}>
            <select
              id="person-delegateId"
              value={values.delegateId ?? ''}
              onChange={(event) => set('delegateId', event.target.value || null)}
              className={inputClasses(Boolean(fieldError('delegateId')))}
              {...describedBy('person-delegateId', fieldError('delegateId'))}
            >
              <option value="">No delegate</option>
              {delegateOptions.map(option)}
            </select>
          </Field>
          <Field id="person-delegateFrom" label="From" error={fieldError('delegateFrom')}>
            <input
              id="person-delegateFrom"
              type="date"
              value={values.delegateFrom ?? ''}
              onChange={(event) => set('delegateFrom', event.target.value || null)}
              className={inputClasses(Boolean(fieldError('delegateFrom')))}
              {...describedBy('person-delegateFrom', fieldError('delegateFrom'))}
            />
          </Field>
          <Field id="person-delegateUntil" label="Until (last day)" error={fieldError('delegateUntil')}>
            <input
              id="person-delegateUntil"
              type="date"
              value={values.delegateUntil ?? ''}
              onChange={(event) => set('delegateUntil', event.target.value || null)}
              className={inputClasses(Boolean(fieldError('delegateUntil')))}
              {...describedBy('person-delegateUntil', fieldError('delegateUntil'))}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-100 pt-6" disabled={pending}>
        <legend className="sr-only">Audit</legend>
        <Field
          id="person-reason"
          label={needsReason ? 'Reason for the change (required)' : 'Reason for the change'}
          hint="Recorded in the audit log with every field you change. Required when the limit or the manager changes."
          error={fieldError('reason')}
        >
          <textarea
            id="person-reason"
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className={inputClasses(Boolean(fieldError('reason')))}
            {...describedBy('person-reason', fieldError('reason'), true)}
          />
        </Field>
        <div aria-live="polite">
          <ActionMessage error={error} success={success} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClasses('primary')} disabled={pending}>
            {pending ? 'Saving…' : mode === 'add' ? 'Add person' : 'Save changes'}
          </button>
          <Link href="/admin/org" className={buttonClasses('ghost')}>
            Back to the org chart
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
