'use client';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './instance-diagram.css';

import { useNavigatedViewer } from '@/components/bpmn/use-navigated-viewer';

export interface InstanceDiagramProps {
  xml: string;
  /** Elements and flows already passed. */
  completed?: readonly string[];
  /** Elements holding a token now. */
  active?: readonly string[];
  /** Incidents, shown in red with their message. */
  incidents?: readonly { elementId: string; message: string }[];
  /** Pixel height of the canvas. */
  height?: number;
  label: string;
}

/** A read-only diagram of one instance: the path taken, the tokens waiting, and incidents. */
export default function InstanceDiagram({
  xml,
  completed = [],
  active = [],
  incidents = [],
  height = 360,
  label,
}: InstanceDiagramProps) {
  const { containerRef, error } = useNavigatedViewer(
    xml,
    ({ canvas, elementRegistry: registry, overlays }) => {
      const failed = new Set(incidents.map((incident) => incident.elementId));
      for (const id of completed) if (registry.get(id) && !failed.has(id)) canvas.addMarker(id, 'baton-done');
      const tokens = new Map<string, number>();
      for (const id of active) tokens.set(id, (tokens.get(id) ?? 0) + 1);
      for (const [id, count] of tokens) {
        if (!registry.get(id) || failed.has(id)) continue;
        canvas.addMarker(id, 'baton-active');
        const badge = document.createElement('span');
        badge.className = 'baton-token';
        badge.textContent = String(count);
        badge.title = `${count} active token${count === 1 ? '' : 's'}`;
        overlays.add(id, { position: { top: -10, right: 10 }, html: badge });
      }
      for (const incident of incidents) {
        if (!registry.get(incident.elementId)) continue;
        canvas.addMarker(incident.elementId, 'baton-failed');
        const note = document.createElement('span');
        note.className = 'baton-incident-note';
        note.textContent = incident.message;
        overlays.add(incident.elementId, { position: { bottom: -8, left: 0 }, html: note });
      }
    },
    [completed, active, incidents],
  );

  return (
    <figure className="baton-instance-diagram relative overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div
        ref={containerRef}
        role="img"
        aria-label={label}
        style={{ height }}
        className="w-full"
        data-testid="instance-diagram"
      />
      <figcaption className="flex flex-wrap gap-4 border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="size-2.5 rounded-full bg-emerald-600" /> Completed
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="size-2.5 rounded-full bg-blue-600" /> Waiting now
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="size-2.5 rounded-full bg-red-700" /> Incident
        </span>
      </figcaption>
      {error && (
        <p role="alert" className="absolute inset-x-4 top-4 rounded-md bg-rose-50 p-3 text-sm text-rose-800">
          The diagram could not be shown: {error}
        </p>
      )}
    </figure>
  );
}
