'use client';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './bpmn-theme.css';

import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaCloudBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import { useEffect, useRef } from 'react';
import type { DiagramIssue } from './issues';
import { moddleExtensions } from './moddle-extensions';
import approvalModule from './modules/approval';
import { capabilitiesModule, supportsFrom, type ElementKind } from './modules/capabilities';
import { formPickerModule, knownFormRule, type FormChoice } from './modules/form-picker';
import { EngineProblems, LintingModule, lintingConfig } from './modules/linting';

export interface EngineProblem {
  elementId: string | null;
  message: string;
}

/** What the editor page can do with a running modeler. */
export interface ModelerHandle {
  saveXml(): Promise<string>;
  select(elementId: string): void;
  zoomToFit(): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  toggleSimulation(): boolean;
  setEngineProblems(problems: readonly EngineProblem[]): void;
}

export interface ProcessModelerProps {
  xml: string;
  capabilities: readonly ElementKind[];
  /** Baton's forms, offered by the form picker of user tasks and start events. */
  forms: readonly FormChoice[];
  onReady(handle: ModelerHandle): void;
  onImportError(message: string): void;
  /** After every change to the diagram. */
  onChange(): void;
  onIssues(issues: DiagramIssue[]): void;
}

interface LintReport {
  id: string;
  message: string;
  category: DiagramIssue['category'];
  rule: string;
  actualElementId?: string;
}

type Service = Record<string, (...args: unknown[]) => unknown>;

/**
 * The BPMN editor: bpmn-js with the Zeebe properties panel, Baton's approval
 * group and form picker, the capability filter, live validation and token simulation. Created
 * once per mounted diagram and destroyed on unmount.
 */
export default function ProcessModeler(props: ProcessModelerProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // Callbacks change identity on every render of the page; the modeler keeps the latest.
  const callbacks = useRef(props);
  callbacks.current = props;
  // The diagram is imported once per mount: a re-render with a newer copy of
  // the saved draft must not replace what the user is editing. The page keys
  // the component by process to open another diagram.
  const initial = useRef({ xml: props.xml, capabilities: props.capabilities, forms: props.forms });

  useEffect(() => {
    const { xml, capabilities, forms } = initial.current;
    const canvas = canvasRef.current;
    const panel = panelRef.current;
    if (!canvas || !panel) return;
    const engineProblems = new EngineProblems();
    const modeler = new Modeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      linting: lintingConfig(engineProblems, { 'known-form': knownFormRule(forms) }),
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        CamundaCloudBehaviorsModule,
        approvalModule,
        formPickerModule(forms),
        capabilitiesModule(supportsFrom(capabilities)),
        LintingModule,
        TokenSimulationModule,
      ] as never[],
      moddleExtensions,
    });
    const get = <T = Service,>(name: string) => modeler.get<T>(name);
    let destroyed = false;

    const eventBus = get<{ on(event: string, callback: (event: never) => void): void }>('eventBus');
    eventBus.on('commandStack.changed', () => callbacks.current.onChange());
    eventBus.on('linting.completed', (event: { issues: Record<string, LintReport[]> }) => {
      const registry = get<{ get(id: string): { businessObject: { name?: string } } | undefined }>('elementRegistry');
      const issues: DiagramIssue[] = Object.values(event.issues)
        .flat()
        .map((report) => ({
          elementId: report.id,
          elementName: registry.get(report.actualElementId ?? report.id)?.businessObject.name ?? null,
          message: report.message,
          category: report.category,
          rule: report.rule,
        }));
      callbacks.current.onIssues(issues);
    });

    const handle: ModelerHandle = {
      async saveXml() {
        const { xml: saved } = await modeler.saveXML({ format: true });
        return saved ?? '';
      },
      select(elementId) {
        const element = get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
        if (!element) return;
        get('selection').select!(element);
        get('canvas').scrollToElement!(element);
      },
      zoomToFit() {
        get('canvas').zoom!('fit-viewport', 'auto');
      },
      undo() {
        get('commandStack').undo!();
      },
      redo() {
        get('commandStack').redo!();
      },
      canUndo() {
        return get('commandStack').canUndo!() as boolean;
      },
      canRedo() {
        return get('commandStack').canRedo!() as boolean;
      },
      toggleSimulation() {
        const toggle = get<{ toggleMode(active?: boolean): void; _active: boolean }>('toggleMode');
        toggle.toggleMode();
        return toggle._active;
      },
      setEngineProblems(problems) {
        engineProblems.set(problems);
        get('linting').update!();
      },
    };

    modeler
      .importXML(xml)
      .then(() => {
        if (destroyed) return;
        handle.zoomToFit();
        callbacks.current.onReady(handle);
      })
      .catch((error: unknown) => {
        if (destroyed) return;
        callbacks.current.onImportError(error instanceof Error ? error.message : String(error));
      });

    return () => {
      destroyed = true;
      modeler.destroy();
    };
  }, []);

  return (
    <div className="baton-modeler flex h-full min-h-0 w-full">
      <div ref={canvasRef} className="relative h-full min-w-0 flex-1 bg-white" data-testid="bpmn-canvas" />
      <aside
        ref={panelRef}
        className="h-full w-80 shrink-0 overflow-y-auto border-l border-gray-200 bg-white"
        aria-label="Properties"
        data-testid="properties-panel"
      />
    </div>
  );
}
