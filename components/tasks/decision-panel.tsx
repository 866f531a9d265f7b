'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';
import { ActionMessage } from './action-message';
import type { TaskAction } from './action-types';

type Decision = 'approve' | 'reject';

/** Approve or Reject an approval task; a rejection needs a comment, checked here and on the server. */
export function DecisionPanel({
  taskId,
  decide,
}: {
  taskId: string;
  decide: TaskAction<{ taskId: string; decision: Decision; comment?: string }>;
}) {
  const router = useRouter();
  const commentId = useId();
  const hintId = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(decision: Decision) {
    if (decision === 'reject' && comment.trim() === '') {
      setError({ code: 'invalid', message: 'Say why you reject the request.', field: 'comment' });
      document.getElementById(commentId)?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await decide({ taskId, decision, comment });
      if (!result.ok) {
        // Kept on screen (no refresh): a lost race must say who decided, how and when.
        setError(result.error);
        if (result.error.code === 'conflict') setDone('');
        return;
      }
      setDone(decision === 'approve' ? 'You approved the request.' : 'You rejected the request.');
      router.refresh();
    });
  }

  const commentInvalid = error?.field === 'comment';
  return (
    <section aria-labelledby={`${commentId}-title`} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${commentId}-title`} className="text-base font-semibold text-slate-900">
        Your decision
      </h2>
      <label htmlFor={commentId} className="mt-4 block text-sm font-medium text-slate-700">
        Comment
      </label>
      <textarea
        id={commentId}
        name="comment"
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        aria-describedby={hintId}
        aria-invalid={commentInvalid || undefined}
        className={`mt-1.5 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600 ${commentInvalid ? 'border-rose-500' : 'border-slate-300'}`}
        disabled={pending || done !== null}
      />
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        Optional when you approve; required when you reject.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          className={buttonClasses('primary')}
          disabled={pending || done !== null}
          onClick={() => submit('approve')}
        >
          Approve
        </button>
        <button
          type="button"
          className={buttonClasses('secondary', 'md', 'text-rose-700!')}
          disabled={pending || done !== null}
          onClick={() => submit('reject')}
        >
          Reject
        </button>
      </div>
      <div className="mt-4" aria-live="polite">
        <ActionMessage error={error} success={done || null} />
      </div>
    </section>
  );
}
