'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';

/** Asks for a name, creates an empty form and opens it. */
export function NewFormButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    const name = window.prompt('Name of the new form');
    if (!name?.trim()) return;
    setBusy(true);
    const response = await fetch('/api/v1/forms', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const body = (await response.json().catch(() => ({}))) as { formId?: string; error?: { message: string } };
    if (body.formId) {
      router.push(`/forms/${encodeURIComponent(body.formId)}`);
      return;
    }
    setBusy(false);
    setError(body.error?.message ?? `The form could not be created (${response.status}).`);
  };
  return (
    <>
      <button type="button" className={buttonClasses('primary')} disabled={busy} onClick={() => void create()}>
        New form
      </button>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </>
  );
}
