import type { ErrorBody } from '@/lib/action';

/** The outcome of an action, announced to screen readers as it appears. */
export function ActionMessage({ error, success }: { error?: ErrorBody | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-600/20">
        {error.message}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
        {success}
      </p>
    );
  }
  return null;
}
