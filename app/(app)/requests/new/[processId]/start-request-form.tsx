'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { FormViewerHandle } from '@/components/forms/form-viewer';
import { ActionMessage } from '@/components/tasks/action-message';
import type { TaskAction } from '@/components/tasks/action-types';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';

const FormViewer = dynamic(() => import('@/components/forms/form-viewer').then((m) => m.FormViewer), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the form…</p>,
});

export function StartRequestForm({
  processId,
  schema,
  missingForm,
  start,
}: {
  processId: string;
  schema: Record<string, unknown> | null;
  missingForm: string | null;
  start: TaskAction<{ processId: string; values: Record<string, unknown> }, { instanceId: string }>;
}) {
  const router = useRouter();
  const form = useRef<FormViewerHandle>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    const values = schema ? form.current?.submit() : {};
    if (!values) return;
    setError(null);
    startTransition(async () => {
      const result = await start({ processId, values });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.push('/requests?started=1');
    });
  }

  if (missingForm) {
    return (
      <ActionMessage
        error={{ code: 'conflict', message: `The start form "${missingForm}" of this process is missing; ask a designer to add it.` }}
      />
    );
  }
  return (
    <section aria-label="Request form" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      {schema ? (
        <FormViewer schema={schema} ref={form} />
      ) : (
        <p className="text-sm text-slate-600">This process asks for nothing up front.</p>
      )}
      <div className="mt-4 flex gap-3">
        <button type="button" className={buttonClasses('primary')} disabled={pending} onClick={submit}>
          {pending ? 'Submitting…' : 'Submit request'}
        </button>
      </div>
      <div className="mt-4" aria-live="polite">
        <ActionMessage error={error} />
      </div>
    </section>
  );
}
