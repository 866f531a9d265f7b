'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { ActionMessage } from '@/components/tasks/action-message';
import type { TaskAction } from '@/components/tasks/action-types';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';

/** Cancel a running instance; the reason is required and goes into its history. */
export function CancelInstanceForm({
  instanceId,
  cancel,
}: {
  instanceId: string;
  cancel: TaskAction<{ instanceId: string; reason: string }>;
}) {
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <button type="button" className={buttonClasses('secondary', 'sm', 'text-rose-700!')} onClick={() => setOpen(true)}>
        Cancel instance…
      </button>
    );
  }
  return (
    <form
      className="w-full space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await cancel({ instanceId, reason });
          if (!result.ok) setError(result.error);
          else setOpen(false);
          router.refresh();
        });
      }}
    >
      <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
        Why cancel this instance?
      </label>
      <textarea
        id={reasonId}
        required
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        aria-invalid={error?.field === 'reason' || undefined}
        className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600"
      />
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses('primary', 'sm', 'bg-rose-600 hover:bg-rose-700')} disabled={pending}>
          Cancel instance
        </button>
        <button type="button" className={buttonClasses('ghost', 'sm')} onClick={() => setOpen(false)}>
          Keep it running
        </button>
      </div>
      <ActionMessage error={error} />
    </form>
  );
}
