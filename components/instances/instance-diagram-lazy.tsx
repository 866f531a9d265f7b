'use client';

import dynamic from 'next/dynamic';

/** The instance diagram, loaded in the browser only (bpmn-js needs the DOM). */
export const InstanceDiagramLazy = dynamic(() => import('./instance-diagram'), {
  ssr: false,
  loading: () => (
    <div role="status" className="flex h-64 items-center justify-center rounded-2xl border border-slate-200 bg-white text-sm text-slate-500">
      Loading the diagram…
    </div>
  ),
});
