'use client';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { moddleExtensions } from './moddle-extensions';

export interface ViewerServices {
  canvas: {
    zoom(mode?: string | number, center?: string | { x: number; y: number }): number;
    addMarker(id: string, marker: string): void;
  };
  elementRegistry: { get(id: string): unknown };
  overlays: { add(id: string, overlay: { position: Record<string, number>; html: HTMLElement }): void };
}

/**
 * A read-only bpmn-js viewer with pan and zoom in the returned container: it
 * imports `xml`, fits it to the viewport, lets `decorate` add markers and
 * overlays, and is destroyed when the component unmounts or its inputs change.
 * A diagram that cannot be imported comes back as `error`.
 */
export function useNavigatedViewer(
  xml: string,
  decorate: (services: ViewerServices) => void,
  dependencies: readonly unknown[],
): { containerRef: RefObject<HTMLDivElement | null>; error: string | null } {
  const containerRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const viewer = new NavigatedViewer({ container, moddleExtensions });
    let destroyed = false;
    viewer
      .importXML(xml)
      .then(() => {
        if (destroyed) return;
        const services: ViewerServices = {
          canvas: viewer.get('canvas'),
          elementRegistry: viewer.get('elementRegistry'),
          overlays: viewer.get('overlays'),
        };
        // Fitting uses the shapes' bounds; a little room keeps the labels at the edges readable.
        const fitted = services.canvas.zoom('fit-viewport', 'auto');
        services.canvas.zoom(fitted * 0.94, 'auto');
        decorate(services);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (!destroyed) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => {
      destroyed = true;
      viewer.destroy();
    };
    // The caller lists what `decorate` reads; the function itself changes on every render.
  }, [xml, ...dependencies]);

  return { containerRef, error };
}
