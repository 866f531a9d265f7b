'use client';

import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';

import { FormEditor } from '@bpmn-io/form-js';
import { useEffect, useRef } from 'react';

export interface FormSchemaEditorHandle {
  getSchema(): Record<string, unknown>;
}

export interface FormSchemaEditorProps {
  schema: Record<string, unknown>;
  onReady(handle: FormSchemaEditorHandle): void;
  onChange(): void;
  onImportError(message: string): void;
}

/** The form-js editor with its properties panel; created per schema and destroyed on unmount. */
export default function FormSchemaEditor(props: FormSchemaEditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const { schema } = props;

  useEffect(() => {
    const container = canvasRef.current;
    const panel = panelRef.current;
    if (!container || !panel) return;
    const editor = new FormEditor({ container, propertiesPanel: { parent: panel } });
    let destroyed = false;
    const changed = () => callbacks.current.onChange();
    editor
      .importSchema(schema)
      .then(() => {
        if (destroyed) return;
        editor.on('changed', changed);
        callbacks.current.onReady({ getSchema: () => editor.saveSchema() as Record<string, unknown> });
      })
      .catch((error: unknown) => {
        if (!destroyed) callbacks.current.onImportError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      destroyed = true;
      editor.destroy();
    };
  }, [schema]);

  return (
    <div className="flex h-full min-h-0 w-full">
      <div ref={canvasRef} className="h-full min-w-0 flex-1 overflow-auto bg-white" data-testid="form-editor" />
      <aside ref={panelRef} className="h-full w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white" aria-label="Field properties" />
    </div>
  );
}
