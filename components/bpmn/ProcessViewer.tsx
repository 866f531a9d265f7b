'use client';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './bpmn-theme.css';

import { useNavigatedViewer } from './use-navigated-viewer';

export interface ViewerOverlay {
  elementId: string;
  /** Text shown in a badge at the element's top right (e.g. a count of tokens). */
  badge: string;
  tone?: 'info' | 'danger';
}

export interface ProcessViewerProps {
  xml: string;
  /** Elements to highlight, e.g. the active ones of an instance. */
  highlight?: readonly string[];
  overlays?: readonly ViewerOverlay[];
}

/** A read-only diagram with pan and zoom, highlights and badges. */
export default function ProcessViewer({ xml, highlight = [], overlays = [] }: ProcessViewerProps) {
  const { containerRef, error } = useNavigatedViewer(
    xml,
    ({ canvas, elementRegistry, overlays: overlayService }) => {
      for (const id of highlight) if (elementRegistry.get(id)) canvas.addMarker(id, 'baton-highlight');
      for (const overlay of overlays) {
        if (!elementRegistry.get(overlay.elementId)) continue;
        const badge = document.createElement('span');
        badge.textContent = overlay.badge;
        badge.className = `baton-badge baton-badge-${overlay.tone ?? 'info'}`;
        overlayService.add(overlay.elementId, { position: { top: -10, right: 10 }, html: badge });
      }
    },
    [highlight, overlays],
  );

  return (
    <div className="baton-modeler relative h-full w-full bg-white">
      <div ref={containerRef} className="h-full w-full" data-testid="bpmn-viewer" />
      {error && (
        <p role="alert" className="absolute inset-x-4 top-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          The diagram could not be shown: {error}
        </p>
      )}
    </div>
  );
}
