'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action';
import type { GroupMember } from '@/lib/groups/list-groups';
import { inputClasses } from './form-controls';

type ChangeMembership = (input: { groupKey: string; userId: string; reason?: string }) => Promise<ActionResult<unknown>>;

/** One group's members, with a picker to add an account and a button to take one out; both audited with the reason. */
export function GroupMembers({
  groupKey,
  groupName,
  members,
  accounts,
  add,
  remove,
}: {
  groupKey: string;
  groupName: string;
  members: GroupMember[];
  accounts: { id: string; name: string; email: string }[];
  add: ChangeMembership;
  remove: ChangeMembership;
}) {
  const router = useRouter();
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const memberIds = new Set(members.map((member) => member.userId));
  const candidates = accounts.filter((account) => !memberIds.has(account.id));

  function send(change: ChangeMembership, id: string) {
    setError(null);
    startTransition(async () => {
      const result = await change({ groupKey, userId: id, reason });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setUserId('');
      setReason('');
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {members.length === 0 ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Nobody is in this group yet: an approval that falls back to it raises an incident until someone is added.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200" aria-label={`Members of ${groupName}`}>
          {members.map((member) => (
            <li key={member.userId} className="flex items-center justify-between gap-3 px-3 py-2">
              <div className="flex min-w-0 items-center gap-3">
                <Avatar name={member.name} size="sm" />
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium text-slate-900">{member.name}</div>
                  <div className="truncate text-xs text-slate-500">{member.email}</div>
                </div>
                {!member.active && <Badge>Deactivated</Badge>}
              </div>
              <button
                type="button"
                disabled={pending}
                onClick={() => send(remove, member.userId)}
                className={buttonClasses('ghost', 'sm', 'text-rose-700')}
                aria-label={`Remove ${member.name} from ${groupName}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label={`Add a member to ${groupName}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (userId) send(add, userId);
        }}
        className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]"
      >
        <div>
          <label htmlFor={`add-${groupKey}`} className="sr-only">
            Account to add to {groupName}
          </label>
          <select
            id={`add-${groupKey}`}
            value={userId}
            disabled={pending || candidates.length === 0}
            onChange={(event) => setUserId(event.target.value)}
            className={inputClasses(false)}
          >
            <option value="">{candidates.length === 0 ? 'Everyone is a member' : 'Choose an account…'}</option>
            {candidates.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} ({account.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`reason-${groupKey}`} className="sr-only">
            Reason for the change to {groupName}
          </label>
          <input
            id={`reason-${groupKey}`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Reason (kept in the audit log)"
            className={inputClasses(false)}
          />
        </div>
        <button type="submit" disabled={pending || !userId} className={buttonClasses('secondary')}>
          Add member
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm font-medium text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
