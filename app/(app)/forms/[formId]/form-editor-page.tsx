'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormSchemaEditorHandle } from '@/components/bpmn/FormSchemaEditor';
import { buttonClasses } from '@/components/ui/button';

const FormSchemaEditor = dynamic(() => import('@/components/bpmn/FormSchemaEditor'), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-slate-500">Loading the form editor…</p>,
});

type SaveState = 'saved' | 'unsaved' | 'saving' | { failed: string };

const SAVE_DELAY_MS = 800;

/** Edits one form and saves it a moment after each change, with the same revision check as drafts. */
export function FormEditorPage(props: {
  formId: string;
  name: string;
  schema: Record<string, unknown>;
  revision: number;
  updatedAt: string;
}) {
  const editor = useRef<FormSchemaEditorHandle | null>(null);
  const revision = useRef(props.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [importError, setImportError] = useState<string | null>(null);
  const [schema] = useState(props.schema);

  const save = useCallback(async () => {
    const handle = editor.current;
    if (!handle) return;
    setState('saving');
    const response = await fetch(`/api/v1/forms/${encodeURIComponent(props.formId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseRevision: revision.current, name: props.name, schema: handle.getSchema() }),
    }).catch(() => null);
    if (!response) {
      setState({ failed: 'Could not reach Baton.' });
      return;
    }
    const body = (await response.json().catch(() => ({}))) as { revision?: number; error?: { message: string } };
    if (response.ok && body.revision !== undefined) {
      revision.current = body.revision;
      setState('saved');
      return;
    }
    setState({ failed: body.error?.message ?? `Not saved (${response.status}).` });
  }, [props.formId, props.name]);

  const onChange = useCallback(() => {
    setState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const status =
    state === 'saved' ? 'All changes saved' : state === 'saving' ? 'Saving…' : state === 'unsaved' ? 'Unsaved changes' : 'Not saved';

  return (
    <div className="fixed inset-x-0 top-[6.6rem] bottom-0 z-0 flex flex-col bg-slate-50 md:top-16">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/forms" className="text-sm font-medium text-slate-500 hover:text-slate-800">
          ← Forms
        </Link>
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold text-slate-900">{props.name}</h1>
          <p className="truncate text-xs text-slate-500">
            Form id <span className="font-mono">{props.formId}</span>: enter it as the form of a user task or start event.
          </p>
        </div>
        <span className="text-sm text-slate-500" role="status" data-testid="save-status">
          {status}
        </span>
        {typeof state === 'object' && (
          <button type="button" className={buttonClasses('secondary', 'sm', 'ml-auto')} onClick={() => void save()}>
            Retry
          </button>
        )}
      </div>
      {typeof state === 'object' && (
        <div role="alert" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-800">
          {state.failed}
        </div>
      )}
      {importError && (
        <div role="alert" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-800">
          This form could not be opened: {importError}
        </div>
      )}
      <div className="min-h-0 flex-1">
        <FormSchemaEditor
          schema={schema}
          onReady={(handle) => {
            editor.current = handle;
          }}
          onChange={onChange}
          onImportError={setImportError}
        />
      </div>
    </div>
  );
}
