import type { JobView } from '../api';
import type { Json, Variables } from '../runtime/types';

export interface JobContext {
  workerId: string;
  /** Aborted by `stop({ abort: true })`; long handlers should give up when it fires. */
  signal: AbortSignal;
}

/** What a handler returns: variables to merge into the job's scope (after output mappings). */
export interface JobResult {
  variables?: Variables;
}

/**
 * Runs one job. Returning completes it; throwing a `BpmnError` throws that
 * error in the process (an error boundary may catch it); any other throw is a
 * failure that is retried with backoff until the job's retries run out.
 */
export type JobHandler = (job: JobView, context: JobContext) => Promise<JobResult | void>;

/** A business error for the process to handle, as opposed to a technical failure. */
export class BpmnError extends Error {
  constructor(
    readonly errorCode: string,
    message?: string,
    readonly variables?: Variables,
  ) {
    super(message ?? `BPMN error ${errorCode}`);
    this.name = 'BpmnError';
  }
}

export function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
