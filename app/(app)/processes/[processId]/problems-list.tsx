'use client';

import type { DiagramIssue } from '@/components/bpmn/issues';
import { isEngineIssue } from '@/components/bpmn/issues';

const order = (issue: DiagramIssue) =>
  (issue.category === 'error' ? 0 : issue.category === 'warn' ? 2 : 4) + (isEngineIssue(issue) ? 0 : 1);

/** Every problem the engine and bpmnlint find; clicking one selects its element. */
export function ProblemsList({
  issues,
  onSelect,
}: {
  issues: readonly DiagramIssue[];
  onSelect: (elementId: string) => void;
}) {
  if (issues.length === 0) {
    return <p className="px-4 py-3 text-sm text-slate-600">No problems found. The engine can run this diagram.</p>;
  }
  const sorted = [...issues].sort((a, b) => order(a) - order(b));
  return (
    <ul className="divide-y divide-slate-100" data-testid="problems-list">
      {sorted.map((issue, index) => (
        <li key={`${issue.rule}-${issue.elementId}-${index}`}>
          <button
            type="button"
            onClick={() => onSelect(issue.elementId)}
            className="flex w-full items-start gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50"
          >
            <span
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${
                issue.category === 'error' ? 'bg-rose-600' : issue.category === 'warn' ? 'bg-amber-500' : 'bg-sky-500'
              }`}
              aria-label={issue.category === 'error' ? 'Error' : issue.category === 'warn' ? 'Warning' : 'Info'}
            >
              {issue.category === 'error' ? '!' : 'i'}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block text-slate-900">{issue.message}</span>
              <span className="block text-xs text-slate-500">
                {issue.elementName ? `${issue.elementName} · ` : ''}
                {issue.elementId} · {isEngineIssue(issue) ? 'Engine' : `Lint: ${issue.rule}`}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
