'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';

/** Names a new process and opens it in the editor with the starter diagram. */
export function NewProcessForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        void (async () => {
          const response = await fetch('/api/v1/processes', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          });
          const body = (await response.json().catch(() => ({}))) as {
            processId?: string;
            error?: { message: string };
          };
          if (body.processId) {
            router.push(`/processes/${encodeURIComponent(body.processId)}`);
            return;
          }
          setBusy(false);
          setError(body.error?.message ?? `The process could not be created (${response.status}).`);
        })();
      }}
    >
      <div>
        <label htmlFor="process-name" className="block text-sm font-medium text-slate-800">
          Name
        </label>
        <input
          id="process-name"
          name="name"
          required
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Purchase request"
          className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
          aria-describedby={error ? 'process-name-error' : undefined}
        />
        {error && (
          <p id="process-name-error" role="alert" className="mt-1.5 text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className={buttonClasses('primary')} disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create and open'}
      </button>
    </form>
  );
}
