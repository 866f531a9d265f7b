'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { ActionMessage } from '@/components/tasks/action-message';
import type { TaskAction } from '@/components/tasks/action-types';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';

/** One open incident: its message, an optional variable fix, and Retry. */
export function IncidentRetry({
  instanceId,
  incident,
  retry,
}: {
  instanceId: string;
  incident: { id: string; elementId: string; type: string; message: string };
  retry: TaskAction<{ instanceId: string; incidentId: string; variables?: string }>;
}) {
  const router = useRouter();
  const variablesId = useId();
  const [variables, setVariables] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <li className="rounded-2xl border border-rose-200 bg-rose-50/60 p-5">
      <p className="text-sm font-semibold text-rose-900">
        {incident.type} at {incident.elementId}
      </p>
      <p className="mt-1 text-sm text-rose-800">{incident.message}</p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          startTransition(async () => {
            const result = await retry({ instanceId, incidentId: incident.id, variables });
            if (!result.ok) setError(result.error);
            router.refresh();
          });
        }}
      >
        <div>
          <label htmlFor={variablesId} className="block text-xs font-medium text-slate-700">
            Set variables before retrying (JSON, optional)
          </label>
          <textarea
            id={variablesId}
            rows={2}
            value={variables}
            placeholder='{"amount": 250}'
            onChange={(event) => setVariables(event.target.value)}
            aria-invalid={error?.field === 'variables' || undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:outline-2 focus:outline-brand-600"
          />
        </div>
        <button type="submit" className={buttonClasses('primary', 'sm')} disabled={pending}>
          {pending ? 'Retrying…' : 'Retry'}
        </button>
        <ActionMessage error={error} />
      </form>
    </li>
  );
}
