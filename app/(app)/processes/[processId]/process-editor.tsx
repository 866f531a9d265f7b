'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiagramIssue } from '@/components/bpmn/issues';
import { isEngineIssue } from '@/components/bpmn/issues';
import type { ElementKind } from '@/components/bpmn/modules/capabilities/element-kind';
import type { FormChoice } from '@/components/bpmn/modules/form-picker/form-choices';
import type { EngineProblem, ModelerHandle } from '@/components/bpmn/ProcessModeler';
import { buttonClasses } from '@/components/ui/button';
import { ProblemsList } from './problems-list';
import { useAutosave, type SaveState } from './use-autosave';
import type { VersionItem } from './version-item';
import { VersionsMenu } from './versions-menu';

// bpmn-js reaches the browser only on this route, and only on the client.
const ProcessModeler = dynamic(() => import('@/components/bpmn/ProcessModeler'), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-slate-500">Loading the editor…</p>,
});

export interface ProcessEditorProps {
  processId: string;
  name: string;
  xml: string;
  revision: number;
  deployedRevision: number | null;
  updatedBy: string | null;
  updatedAt: string;
  versions: VersionItem[];
  capabilities: ElementKind[];
  /** The forms a user task or start event may link, as of opening the editor. */
  forms: FormChoice[];
}

type DeployState =
  | { kind: 'idle' }
  | { kind: 'deploying' }
  | { kind: 'deployed'; version: number }
  | { kind: 'refused'; message: string };

const VALIDATE_DELAY_MS = 500;

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? 'All changes saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'unsaved'
          ? 'Unsaved changes'
          : state.kind === 'failed'
            ? 'Not saved'
            : 'Not saved: newer version elsewhere';
  const tone =
    state.kind === 'saved'
      ? 'text-slate-500'
      : state.kind === 'failed' || state.kind === 'conflict'
        ? 'text-rose-700 font-medium'
        : 'text-slate-600';
  return (
    <span className={`text-sm ${tone}`} data-testid="save-status" data-state={state.kind} role="status">
      {text}
    </span>
  );
}

export function ProcessEditor(props: ProcessEditorProps) {
  const { processId } = props;
  const modeler = useRef<ModelerHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [issues, setIssues] = useState<DiagramIssue[]>([]);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [simulating, setSimulating] = useState(false);
  const [versions, setVersions] = useState(props.versions);
  const [deployState, setDeployState] = useState<DeployState>({ kind: 'idle' });
  const [deployedRevision, setDeployedRevision] = useState(props.deployedRevision);
  const validateTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const validateSeq = useRef(0);

  const autosave = useAutosave({
    processId,
    revision: props.revision,
    updatedAt: new Date(props.updatedAt),
    readXml: () => modeler.current?.saveXml() ?? null,
  });

  const applyEngineProblems = useCallback((problems: readonly EngineProblem[]) => {
    modeler.current?.setEngineProblems(problems);
  }, []);

  const validate = useCallback(async () => {
    const handle = modeler.current;
    if (!handle) return;
    const seq = ++validateSeq.current;
    try {
      const xml = await handle.saveXml();
      const response = await fetch('/api/v1/processes/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ xml }),
      });
      if (!response.ok || seq !== validateSeq.current) return;
      const result = (await response.json()) as { problems: EngineProblem[] };
      applyEngineProblems(result.problems);
    } catch {
      // Validation is advisory while editing; deploy validates again on the server.
    }
  }, [applyEngineProblems]);

  const scheduleValidation = useCallback(() => {
    if (validateTimer.current) clearTimeout(validateTimer.current);
    validateTimer.current = setTimeout(() => void validate(), VALIDATE_DELAY_MS);
  }, [validate]);

  useEffect(() => () => {
    if (validateTimer.current) clearTimeout(validateTimer.current);
  }, []);

  const onReady = useCallback(
    (handle: ModelerHandle) => {
      modeler.current = handle;
      setReady(true);
      void validate();
    },
    [validate],
  );

  const { changed } = autosave;
  const onChange = useCallback(() => {
    if (!modeler.current) return;
    changed();
    scheduleValidation();
    setDeployState((state) => (state.kind === 'deployed' ? { kind: 'idle' } : state));
  }, [changed, scheduleValidation]);

  const deploy = async () => {
    setDeployState({ kind: 'deploying' });
    if (!(await autosave.flush())) {
      setDeployState({ kind: 'refused', message: 'Save the draft first: it could not be saved.' });
      return;
    }
    const revision = autosave.revision();
    const response = await fetch(`/api/v1/processes/${encodeURIComponent(processId)}/deploy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ revision }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      version?: number;
      deployedAt?: string;
      deployedBy?: string | null;
      error?: { message: string; problems?: EngineProblem[] };
    };
    if (response.ok && body.version !== undefined) {
      const version = body.version;
      setVersions((current) => [
        {
          version,
          name: props.name,
          deployedBy: body.deployedBy ?? null,
          deployedAt: body.deployedAt ?? new Date().toISOString(),
          runningInstances: 0,
          live: true,
        },
        ...current.map((v) => ({ ...v, live: false })),
      ]);
      setDeployedRevision(revision);
      setDeployState({ kind: 'deployed', version });
      return;
    }
    if (body.error?.problems) {
      applyEngineProblems(body.error.problems);
      setProblemsOpen(true);
    }
    setDeployState({ kind: 'refused', message: body.error?.message ?? `Not deployed (${response.status}).` });
  };

  // The file is what the editor shows, saved or not: export it in the browser.
  const download = async () => {
    const handle = modeler.current;
    if (!handle) return;
    const url = URL.createObjectURL(new Blob([await handle.saveXml()], { type: 'application/bpmn+xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${processId}.bpmn`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const errors = issues.filter((issue) => issue.category === 'error');
  const engineErrors = errors.filter(isEngineIssue);
  const warnings = issues.length - errors.length;
  const live = versions.find((v) => v.live);
  const changedSinceDeploy =
    live !== undefined && (deployedRevision === null || deployedRevision !== autosave.revision() || autosave.state.kind !== 'saved');

  return (
    <div className="fixed inset-x-0 top-[6.6rem] bottom-0 z-0 flex flex-col bg-slate-50 md:top-16">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/processes" className="text-sm font-medium text-slate-500 hover:text-slate-800">
          ← Processes
        </Link>
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold text-slate-900" data-testid="process-name">
            {props.name}
          </h1>
          <p className="truncate text-xs text-slate-500">
            {processId}
            {live ? (changedSinceDeploy ? ` · changed since v${live.version}` : ` · same as v${live.version}`) : ' · draft'}
          </p>
        </div>
        <SaveStatus state={autosave.state} />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonClasses('ghost', 'sm')}
            onClick={() => modeler.current?.undo()}
            disabled={!ready || simulating}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            className={buttonClasses('ghost', 'sm')}
            onClick={() => modeler.current?.redo()}
            disabled={!ready || simulating}
            title="Redo (Ctrl+Y)"
          >
            Redo
          </button>
          <button
            type="button"
            className={buttonClasses('ghost', 'sm')}
            onClick={() => modeler.current?.zoomToFit()}
            disabled={!ready}
          >
            Fit
          </button>
          <button
            type="button"
            className={buttonClasses(simulating ? 'primary' : 'secondary', 'sm')}
            aria-pressed={simulating}
            onClick={() => setSimulating(modeler.current?.toggleSimulation() ?? false)}
            disabled={!ready}
            title="Play tokens through the diagram (T)"
          >
            {simulating ? 'Stop simulation' : 'Simulate'}
          </button>
          <button
            type="button"
            className={buttonClasses('secondary', 'sm')}
            onClick={() => setProblemsOpen((open) => !open)}
            aria-expanded={problemsOpen}
            data-testid="problems-toggle"
          >
            <span className={errors.length > 0 ? 'text-rose-700' : 'text-emerald-700'}>
              {errors.length} {errors.length === 1 ? 'error' : 'errors'}
            </span>
            <span className="text-slate-500">
              {warnings} {warnings === 1 ? 'warning' : 'warnings'}
            </span>
          </button>
          <button
            type="button"
            className={buttonClasses('secondary', 'sm')}
            onClick={() => void download()}
            disabled={!ready}
            title="Download the diagram as you see it, as a .bpmn file"
          >
            Download
          </button>
          <VersionsMenu processId={processId} versions={versions} />
          <button
            type="button"
            className={buttonClasses('primary', 'sm')}
            onClick={() => void deploy()}
            disabled={!ready || simulating || deployState.kind === 'deploying' || autosave.state.kind === 'conflict'}
            title={engineErrors.length > 0 ? 'The engine reports problems; deploying will list them.' : undefined}
          >
            {deployState.kind === 'deploying' ? 'Deploying…' : 'Deploy'}
          </button>
        </div>
      </div>

      {(autosave.state.kind === 'conflict' || autosave.state.kind === 'failed') && (
        <div role="alert" className="flex items-center gap-3 border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-800">
          <span className="flex-1" data-testid="save-error">
            {autosave.state.message}
          </span>
          {autosave.state.kind === 'conflict' ? (
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => window.location.reload()}>
              Reload
            </button>
          ) : (
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => void autosave.flush()}>
              Retry
            </button>
          )}
        </div>
      )}
      {deployState.kind === 'deployed' && (
        <div role="status" className="border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800" data-testid="deploy-result">
          Deployed. Version {deployState.version} is live: new instances start on it.
        </div>
      )}
      {deployState.kind === 'refused' && (
        <div role="alert" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-800" data-testid="deploy-result">
          {deployState.message} The problems are marked at their elements.
        </div>
      )}
      {importError && (
        <div role="alert" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-800">
          This diagram could not be opened: {importError}
        </div>
      )}

      <div className="min-h-0 flex-1">
        <ProcessModeler
          key={processId}
          xml={props.xml}
          capabilities={props.capabilities}
          forms={props.forms}
          onReady={onReady}
          onImportError={setImportError}
          onChange={onChange}
          onIssues={setIssues}
        />
      </div>

      {problemsOpen && (
        <section className="max-h-56 shrink-0 overflow-y-auto border-t border-slate-200 bg-white" aria-label="Problems">
          <ProblemsList issues={issues} onSelect={(id) => modeler.current?.select(id)} />
        </section>
      )}
    </div>
  );
}
