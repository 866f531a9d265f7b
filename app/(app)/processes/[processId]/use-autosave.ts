'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState =
  | { kind: 'saved'; at: Date }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

interface Options {
  processId: string;
  revision: number;
  updatedAt: Date;
  readXml: () => Promise<string> | null;
  delayMs?: number;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

/**
 * Saves the draft a moment after the last change, one request at a time, each
 * naming the revision it is based on. A conflict stops autosaving: the other
 * tab's revision is not overwritten, and the user is told to reload.
 */
export function useAutosave({ processId, revision, updatedAt, readXml, delayMs = 800 }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: updatedAt });
  const revisionRef = useRef(revision);
  const dirty = useRef(false);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  const readXmlRef = useRef(readXml);
  readXmlRef.current = readXml;

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const pending = readXmlRef.current();
    if (!pending) return false;
    dirty.current = false;
    setState({ kind: 'saving' });
    let response: Response;
    try {
      const xml = await pending;
      response = await fetch(`/api/v1/processes/${encodeURIComponent(processId)}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ baseRevision: revisionRef.current, xml }),
      });
    } catch {
      dirty.current = true;
      setState({ kind: 'failed', message: 'Could not reach Baton. Your changes are kept here; they save when it is back.' });
      return false;
    }
    if (response.ok) {
      const body = (await response.json()) as { revision: number; updatedAt: string };
      revisionRef.current = body.revision;
      setState(dirty.current ? { kind: 'unsaved' } : { kind: 'saved', at: new Date(body.updatedAt) });
      return true;
    }
    const message = await errorMessage(response);
    if (response.status === 409) {
      stopped.current = true;
      setState({ kind: 'conflict', message });
      return false;
    }
    dirty.current = true;
    setState({ kind: 'failed', message });
    return false;
  }, [processId]);

  /** Saves now (and again if changes arrive meanwhile); resolves when the draft on the server is current. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (!stopped.current) {
      if (running.current) {
        await running.current;
        continue;
      }
      if (!dirty.current) break;
      const run = saveOnce().finally(() => {
        running.current = null;
      });
      running.current = run;
      if (!(await run)) return false;
    }
    return !stopped.current && !dirty.current;
  }, [saveOnce]);

  const changed = useCallback(() => {
    if (stopped.current) return;
    dirty.current = true;
    setState((current) => (current.kind === 'saving' ? current : { kind: 'unsaved' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [delayMs, flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || running.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { state, changed, flush, revision: () => revisionRef.current };
}
