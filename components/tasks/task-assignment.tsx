'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';
import { ActionMessage } from './action-message';
import type { TaskAction } from './action-types';

/**
 * Claim, give back, or hand over a task, as the actor's permissions allow.
 * An approval can be handed over too: the new assignee decides on behalf of
 * the person whose step it is, with their own signature limit.
 */
export function TaskAssignment({
  taskId,
  may,
  approval = false,
  claim,
  unclaim,
  reassign,
}: {
  taskId: string;
  may: { claim: boolean; unclaim: boolean; reassign: boolean };
  /** The task is an approval step (the hand-over form says what that means). */
  approval?: boolean;
  claim: TaskAction<{ taskId: string }>;
  unclaim: TaskAction<{ taskId: string }>;
  reassign: TaskAction<{ taskId: string; to: string }>;
}) {
  const router = useRouter();
  const toId = useId();
  const hintId = useId();
  const [to, setTo] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => ReturnType<TaskAction<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error);
      else setTo('');
      router.refresh();
    });
  }

  if (!may.claim && !may.unclaim && !may.reassign) return null;
  return (
    <section aria-label="Assignment" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">Assignment</h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        {may.claim && (
          <button type="button" className={buttonClasses('primary', 'sm')} disabled={pending} onClick={() => run(() => claim({ taskId }))}>
            Claim
          </button>
        )}
        {may.unclaim && (
          <button type="button" className={buttonClasses('secondary', 'sm')} disabled={pending} onClick={() => run(() => unclaim({ taskId }))}>
            Give back to the group
          </button>
        )}
        {may.reassign && (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              run(() => reassign({ taskId, to }));
            }}
          >
            <div>
              <label htmlFor={toId} className="block text-xs font-medium text-slate-600">
                Hand over to (email)
              </label>
              <input
                id={toId}
                type="email"
                required
                value={to}
                onChange={(event) => setTo(event.target.value)}
                aria-invalid={error?.field === 'to' || undefined}
                aria-describedby={approval ? hintId : undefined}
                className="mt-1 w-64 rounded-lg border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-brand-600"
              />
            </div>
            <button type="submit" className={buttonClasses('secondary', 'sm')} disabled={pending}>
              Reassign
            </button>
            {approval && (
              <p id={hintId} className="basis-full text-xs text-slate-600">
                They decide on behalf of this step’s approver, and their own signature limit is checked when they approve. Not
                the requester, nor anyone who already approved this request.
              </p>
            )}
          </form>
        )}
      </div>
      <div className="mt-3" aria-live="polite">
        <ActionMessage error={error} />
      </div>
    </section>
  );
}
