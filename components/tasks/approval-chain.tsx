import type { ApprovalDecisionView } from '@/engine';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from './relative-time';

const CHANNEL: Record<string, string> = { inbox: 'inbox', email: 'email', api: 'API', auto: 'automatic' };

/** Who decided so far, when, how and under whose authority; with each decision's comment. */
export function ApprovalChain({
  decisions,
  names,
}: {
  decisions: readonly ApprovalDecisionView[];
  names: Record<string, string>;
}) {
  return (
    <section aria-labelledby="chain" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="chain" className="text-base font-semibold text-slate-900">
        Approval chain so far
      </h2>
      {decisions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No decisions yet: this is the first step.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {decisions.map((decision) => (
            <li key={decision.id} className="border-l-2 border-slate-200 pl-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-900">
                  {names[decision.approver.email] ?? decision.approver.name}
                </span>
                {decision.onBehalfOf && (
                  <span className="text-slate-500">for {decision.onBehalfOf.name}</span>
                )}
                <Badge tone={decision.decision === 'approve' ? 'green' : 'red'}>
                  {decision.decision === 'approve' ? 'Approved' : 'Rejected'}
                </Badge>
              </div>
              <p className="mt-1 text-xs text-slate-500">
                Step {decision.step} · via {CHANNEL[decision.channel] ?? decision.channel} ·{' '}
                <RelativeTime at={decision.decidedAt} />
              </p>
              <p className="mt-1 text-xs text-slate-500">{decision.reason}</p>
              {decision.comment && (
                <blockquote className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
                  {decision.comment}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
