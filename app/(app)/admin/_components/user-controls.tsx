'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Td } from '@/components/ui/table';
import type { ActionResult } from '@/lib/action';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import { inputClasses } from './form-controls';

/**
 * The role and status cells of one account, editable, with the reason the
 * next change is audited with; the server refuses what would lock admins out.
 */
export function UserControls({
  userId,
  name,
  role,
  active,
  update,
}: {
  userId: string;
  name: string;
  role: Role;
  active: boolean;
  update: (input: {
    userId: string;
    role?: Role;
    active?: boolean;
    reason?: string;
  }) => Promise<ActionResult<{ role: Role; active: boolean; changes: number }>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [pending, startTransition] = useTransition();

  function send(change: { role?: Role; active?: boolean }) {
    setError(null);
    startTransition(async () => {
      const result = await update({ userId, ...change, reason });
      if (!result.ok) setError(result.error.message);
      else setReason('');
      router.refresh();
    });
  }

  return (
    <>
      <Td>
        <label htmlFor={`role-${userId}`} className="sr-only">
          Role of {name}
        </label>
        <select
          id={`role-${userId}`}
          value={role}
          disabled={pending}
          onChange={(event) => send({ role: event.target.value as Role })}
          className={inputClasses(false, 'w-44 py-1.5')}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`reason-${userId}`} className="sr-only">
          Reason for a change to {name}
        </label>
        <input
          id={`reason-${userId}`}
          value={reason}
          disabled={pending}
          onChange={(event) => setReason(event.target.value)}
          placeholder="Reason (optional)"
          className={inputClasses(false, 'mt-1.5 w-44 py-1.5 text-xs')}
        />
      </Td>
      <Td>
        <div className="flex items-center gap-3">
          {active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
          <button
            type="button"
            disabled={pending}
            onClick={() => send({ active: !active })}
            className={buttonClasses('ghost', 'sm', active ? 'text-rose-700' : '')}
            aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}
          >
            {active ? 'Deactivate' : 'Reactivate'}
          </button>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-xs font-medium text-rose-700">
            {error}
          </p>
        )}
      </Td>
    </>
  );
}
