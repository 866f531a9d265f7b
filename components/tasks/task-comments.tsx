'use client';

import { useRouter } from 'next/navigation';
import { useId, useOptimistic, useRef, useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { buttonClasses } from '@/components/ui/button';
import type { ErrorBody } from '@/lib/action';
import type { TaskCommentView } from '@/lib/tasks/list-task-comments';
import type { TaskAction } from './action-types';
import { RelativeTime } from './relative-time';

/** Mirrors the server's limit (lib/tasks/add-task-comment.ts), so the field says so before sending. */
const MAX_LENGTH = 2000;

type ShownComment = TaskCommentView & { pending?: boolean };

function check(body: string): ErrorBody | null {
  const text = body.trim();
  if (text === '') return { code: 'invalid', message: 'Write a comment first.', field: 'body' };
  if (text.length > MAX_LENGTH) {
    return { code: 'invalid', message: `A comment can be at most ${MAX_LENGTH.toLocaleString('en-US')} characters.`, field: 'body' };
  }
  return null;
}

/**
 * The conversation on a request, shown on its tasks: questions to the
 * requester, their answers, notes for the next approver. A comment shows at
 * once while it is sent; a refusal puts the text back and says why at the field.
 */
export function TaskComments({
  taskId,
  comments,
  open,
  me,
  now,
  add,
}: {
  /** The task the page is about: new comments are posted on it, others are labelled with their step. */
  taskId: string | null;
  comments: readonly TaskCommentView[];
  /** Whether the request still takes comments. */
  open: boolean;
  me: { email: string; name: string };
  /** The server's time when the page was rendered, so relative times read the same before and after hydration. */
  now: string;
  add?: TaskAction<{ taskId: string; body: string }, TaskCommentView>;
}) {
  const router = useRouter();
  const id = useId();
  const fieldId = `${id}-body`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  // Comments this page posted, kept until the refreshed page brings them from the server.
  const [posted, setPosted] = useState<TaskCommentView[]>([]);
  const [pending, startTransition] = useTransition();

  const known = new Set(comments.map((comment) => comment.id));
  const confirmed: ShownComment[] = [...comments, ...posted.filter((comment) => !known.has(comment.id))];
  const [shown, addShown] = useOptimistic(confirmed, (state, comment: ShownComment) => [...state, comment]);
  const rendered = new Date(now);

  function refuse(problem: ErrorBody) {
    setError(problem);
    field.current?.focus();
  }

  function submit() {
    if (!add || !taskId || pending) return;
    const problem = check(body);
    if (problem) return refuse(problem);
    const text = body;
    setError(null);
    setBody('');
    startTransition(async () => {
      addShown({
        id: `pending-${Date.now()}`,
        taskId,
        taskName: null,
        authorEmail: me.email,
        authorName: me.name,
        body: text.trim(),
        createdAt: new Date(),
        pending: true,
      });
      const result = await add({ taskId, body: text });
      if (!result.ok) {
        setBody(text);
        refuse(result.error);
        return;
      }
      setPosted((before) => [...before, result.data]);
      router.refresh();
    });
  }

  const invalid = error?.field === 'body';
  const length = body.trim().length;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        Comments
      </h2>
      <p className="mt-1 text-xs text-slate-500">Everyone on this request reads them: the requester and its approvers.</p>

      {shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          No comments yet. Ask a question about the request, or leave a note for the next approver.
        </p>
      ) : (
        <ol className="mt-4 space-y-4">
          {shown.map((comment) => {
            const mine = comment.authorEmail.toLowerCase() === me.email.toLowerCase();
            const at = new Date(comment.createdAt);
            return (
              <li
                key={comment.id}
                className={`flex gap-3 ${comment.pending ? 'opacity-60' : ''}`}
                aria-busy={comment.pending || undefined}
              >
                <Avatar name={comment.authorName} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <span className="font-medium text-slate-900">
                      {comment.authorName}
                      {mine && <span className="font-normal text-slate-500"> (you)</span>}
                    </span>
                    <span className="text-xs text-slate-500">
                      {comment.pending ? 'Sending…' : <RelativeTime at={at} now={at > rendered ? at : rendered} />}
                      {!comment.pending && comment.taskId !== taskId && comment.taskName && <> · on {comment.taskName}</>}
                    </span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
                    {comment.body}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {add && taskId && open && (
        <form
          className="mt-5 border-t border-slate-100 pt-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
            Your message
          </label>
          <textarea
            ref={field}
            id={fieldId}
            name="body"
            rows={3}
            value={body}
            placeholder="Ask a question or leave a note…"
            onChange={(event) => {
              setBody(event.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            aria-invalid={invalid || undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            className={`mt-1.5 block w-full resize-y rounded-lg border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600 ${invalid ? 'border-rose-500' : 'border-slate-300'}`}
          />
          {error && (
            <p id={errorId} role="alert" className="mt-1.5 text-sm text-rose-700">
              {error.message}
            </p>
          )}
          <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
            <p id={hintId} className="text-xs text-slate-500">
              Ctrl+Enter sends.{' '}
              <span className={length > MAX_LENGTH ? 'font-medium text-rose-700' : ''}>
                {length.toLocaleString('en-US')} / {MAX_LENGTH.toLocaleString('en-US')} characters
              </span>
            </p>
            <button type="submit" className={buttonClasses('primary', 'sm')} disabled={pending}>
              {pending ? 'Adding…' : 'Add comment'}
            </button>
          </div>
        </form>
      )}
      {!open && (
        <p className="mt-4 text-xs text-slate-500">This request has ended: its comments are kept for the record.</p>
      )}
    </section>
  );
}
