'use client';

import '@bpmn-io/form-js/dist/assets/form-js.css';

import { Form } from '@bpmn-io/form-js';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';

export interface FormViewerHandle {
  /**
   * Validates the form as form-js does (its error messages appear under the
   * fields) and returns the values, or null when a field is not valid.
   */
  submit(): Record<string, unknown> | null;
}

export interface FormViewerProps {
  schema: Record<string, unknown>;
  data?: Record<string, unknown>;
  ref?: Ref<FormViewerHandle>;
  /** Read-only: the values are shown, not edited. */
  readOnly?: boolean;
}

/** A form-js form, created per schema and destroyed on unmount. */
export function FormViewer({ schema, data, ref, readOnly = false }: FormViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<Form | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const form = new Form({ container });
    formRef.current = form;
    let destroyed = false;
    form
      .importSchema(schema as never, data ?? {})
      .then(() => {
        if (!destroyed && readOnly) form.setProperty('readOnly', true);
      })
      .catch((cause: unknown) => {
        if (!destroyed) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => {
      destroyed = true;
      formRef.current = null;
      form.destroy();
    };
  }, [schema, data, readOnly]);

  useImperativeHandle(
    ref,
    () => ({
      submit() {
        const form = formRef.current;
        if (!form) return null;
        const result = form.submit();
        if (Object.keys(result.errors).length > 0) {
          // Move focus to the first field form-js marked, so keyboard users land on it.
          containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          return null;
        }
        return result.data;
      },
    }),
    [],
  );

  return (
    <div className="baton-form">
      <div ref={containerRef} data-testid="form-viewer" />
      {error && (
        <p role="alert" className="mt-2 rounded-md bg-rose-50 p-3 text-sm text-rose-800">
          The form could not be shown: {error}
        </p>
      )}
    </div>
  );
}
