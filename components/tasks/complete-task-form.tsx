'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import type { FormViewerHandle } from '@/components/forms/form-viewer';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';
import { ActionMessage } from './action-message';
import type { TaskAction } from './action-types';

const FormViewer = dynamic(() => import('@/components/forms/form-viewer').then((m) => m.FormViewer), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the form…</p>,
});

/** A plain user task: its form (checked by form-js here and again on the server) and Complete. */
export function CompleteTaskForm({
  taskId,
  schema,
  data,
  complete,
}: {
  taskId: string;
  schema: Record<string, unknown> | null;
  data: Record<string, unknown>;
  complete: TaskAction<{ taskId: string; variables: Record<string, unknown> }>;
}) {
  const router = useRouter();
  const form = useRef<FormViewerHandle>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    const variables = schema ? form.current?.submit() : {};
    if (!variables) return;
    setError(null);
    startTransition(async () => {
      const result = await complete({ taskId, variables });
      if (!result.ok) {
        setError(result.error);
        router.refresh();
        return;
      }
      setDone('Task completed.');
      router.refresh();
    });
  }

  return (
    <section aria-label="Task form" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      {schema ? <FormViewer schema={schema} data={data} ref={form} /> : (
        <p className="text-sm text-slate-600">This task has no form. Complete it when the work is done.</p>
      )}
      <div className="mt-4 flex gap-3">
        <button type="button" className={buttonClasses('primary')} disabled={pending || done !== null} onClick={submit}>
          Complete
        </button>
      </div>
      <div className="mt-4" aria-live="polite">
        <ActionMessage error={error} success={done} />
      </div>
    </section>
  );
}
