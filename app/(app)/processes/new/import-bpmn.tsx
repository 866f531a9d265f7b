'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';

interface ImportAnswer {
  processId?: string;
  error?: { code: string; message: string };
}

async function postImport(xml: string, replace: boolean): Promise<{ status: number; body: ImportAnswer }> {
  const response = await fetch('/api/v1/processes/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ xml, replace }),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as ImportAnswer };
}

/**
 * Imports a .bpmn file as a draft and opens it: from a file picker, or from a
 * file dropped anywhere on the page. When the process exists, asks before
 * replacing its draft.
 */
export function ImportBpmn({ children, pageDrop = false }: { children?: ReactNode; pageDrop?: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const importFile = useCallback(
    async (file: File) => {
      setBusy(true);
      setError(null);
      try {
        const xml = await file.text();
        let answer = await postImport(xml, false);
        if (answer.status === 409 && answer.body.error) {
          const replace = window.confirm(`${answer.body.error.message}\n\nReplace the draft with this file?`);
          if (!replace) return;
          answer = await postImport(xml, true);
        }
        if (answer.body.processId) {
          router.push(`/processes/${encodeURIComponent(answer.body.processId)}`);
          return;
        }
        setError(answer.body.error?.message ?? `The file could not be imported (${answer.status}).`);
      } finally {
        setBusy(false);
      }
    },
    [router],
  );

  useEffect(() => {
    if (!pageDrop) return;
    const hasFile = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [pageDrop, importFile]);

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        className="sr-only"
        data-testid="import-bpmn-input"
        aria-label="Import a .bpmn file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button
        type="button"
        className={buttonClasses('secondary')}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : (children ?? 'Import .bpmn')}
      </button>
      {error && (
        <p role="alert" className="basis-full text-sm text-rose-700" data-testid="import-error">
          {error}
        </p>
      )}
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-40 flex items-center justify-center bg-brand-600/10 backdrop-blur-[1px]">
          <p className="rounded-2xl border-2 border-dashed border-brand-500 bg-white px-8 py-6 text-base font-semibold text-brand-700 shadow-lg">
            Drop the .bpmn file to import it
          </p>
        </div>
      )}
    </>
  );
}
