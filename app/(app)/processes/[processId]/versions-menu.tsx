'use client';

import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import type { VersionItem } from './version-item';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The deployed versions, which one is live, and a download link for each. */
export function VersionsMenu({ processId, versions }: { processId: string; versions: readonly VersionItem[] }) {
  const live = versions.find((v) => v.live);
  return (
    <details className="group relative" data-testid="versions-menu">
      <summary className={buttonClasses('secondary', 'sm', 'cursor-pointer list-none')}>
        {live ? (
          <>
            <span className="size-2 rounded-full bg-emerald-500" aria-hidden />
            <span data-testid="live-version">Version {live.version} live</span>
          </>
        ) : (
          <span data-testid="live-version">Not deployed</span>
        )}
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-96 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-2 pt-1 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Versions</p>
        {versions.length === 0 ? (
          <p className="px-2 pb-2 text-sm text-slate-600">Deploy the draft to create version 1.</p>
        ) : (
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
            {versions.map((v) => (
              <li key={v.version} className="flex items-center gap-3 px-2 py-2 text-sm">
                <span className="w-10 font-semibold text-slate-900">v{v.version}</span>
                <span className="min-w-0 flex-1 truncate text-slate-600">
                  {dateFormat.format(new Date(v.deployedAt))}
                  {v.deployedBy ? ` · ${v.deployedBy}` : ''}
                  {v.runningInstances > 0 ? ` · ${v.runningInstances} running` : ''}
                </span>
                {v.live && <Badge tone="green">Live</Badge>}
                <a
                  className="rounded-md px-1.5 py-0.5 text-brand-700 hover:bg-brand-50"
                  href={`/api/v1/processes/${encodeURIComponent(processId)}/download?version=${v.version}`}
                  download
                  aria-label={`Download version ${v.version}`}
                >
                  .bpmn
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
