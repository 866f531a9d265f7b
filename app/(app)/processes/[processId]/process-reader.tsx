'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import type { ProcessView } from '@/lib/designer/get-process-view';
import type { VersionItem } from './version-item';
import { VersionsMenu } from './versions-menu';

const ProcessViewer = dynamic(() => import('@/components/bpmn/ProcessViewer'), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-slate-500">Loading the diagram…</p>,
});

/** A process as members see it: the live version, read-only, with its versions to download. */
export function ProcessReader({ view, versions }: { view: ProcessView; versions: VersionItem[] }) {
  return (
    <div className="fixed inset-x-0 top-[6.6rem] bottom-0 z-0 flex flex-col bg-slate-50 md:top-16">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/processes" className="text-sm font-medium text-slate-500 hover:text-slate-800">
          ← Processes
        </Link>
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold text-slate-900" data-testid="process-name">
            {view.name}
          </h1>
          <p className="truncate text-xs text-slate-500">
            {view.processId} · {view.version === null ? 'draft, not deployed' : `version ${view.version}`} · read-only
          </p>
        </div>
        <div className="ml-auto flex items-center gap-2">
          <VersionsMenu processId={view.processId} versions={versions} />
        </div>
      </div>
      <div className="min-h-0 flex-1">
        <ProcessViewer xml={view.xml} />
      </div>
    </div>
  );
}
