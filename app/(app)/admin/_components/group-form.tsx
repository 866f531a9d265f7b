'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { buttonClasses } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action';
import { describedBy, Field, inputClasses } from './form-controls';

type CreateGroup = (input: { key: string; name: string; description?: string }) => Promise<ActionResult<{ key: string }>>;

/** Creates a group queue; the server checks the key and says which field is wrong. */
export function GroupForm({ create }: { create: CreateGroup }) {
  const router = useRouter();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await create({ key, name, description });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setCreated(name.trim());
      setKey('');
      setName('');
      setDescription('');
      router.refresh();
    });
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <form onSubmit={submit} aria-label="Create a group" className="grid gap-4 sm:grid-cols-2">
      <Field id="group-name" label="Name" error={fieldError('name')}>
        <input
          id="group-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Finance approvers"
          className={inputClasses(Boolean(fieldError('name')))}
          {...describedBy('group-name', fieldError('name'))}
        />
      </Field>
      <Field
        id="group-key"
        label="Key"
        hint={
          <>
            How processes name it: <code>candidateGroups</code> or a fallback approver <code>group:key</code>.
          </>
        }
        error={fieldError('key')}
      >
        <input
          id="group-key"
          value={key}
          onChange={(event) => setKey(event.target.value.toLowerCase())}
          placeholder="finance"
          autoCapitalize="none"
          spellCheck={false}
          className={inputClasses(Boolean(fieldError('key')), 'font-mono')}
          {...describedBy('group-key', fieldError('key'), true)}
        />
      </Field>
      <Field id="group-description" label="Description" className="sm:col-span-2" error={fieldError('description')}>
        <input
          id="group-description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="Who is in it, and what it decides"
          className={inputClasses(Boolean(fieldError('description')))}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClasses('primary')}>
          {pending ? 'Creating…' : 'Create group'}
        </button>
        {error && !error.field && (
          <p role="alert" className="text-sm font-medium text-rose-700">
            {error.message}
          </p>
        )}
        {created && (
          <p role="status" className="text-sm font-medium text-emerald-700">
            Created “{created}”. Add its members below.
          </p>
        )}
      </div>
    </form>
  );
}
