import type { Json } from '../../runtime/types';
import { isRecord, type JobHandler } from '../job-handler';

export interface HttpHandlerOptions {
  /** Used when the job gives no `timeout`. Keep it below the worker's lease. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The `http` job type. Input, from the job's variables after input mappings
 * (the task headers `url` and `method` serve as defaults):
 * - `url` (required), `method` (default GET), `headers` (object of strings),
 * - `body`: a string is sent as is; anything else as JSON (content-type application/json),
 * - `timeout`: milliseconds.
 * Output variables: `status` (number) and `body` (parsed when the response is
 * JSON, else text). A response outside 2xx, a timeout or a network error fails
 * the job (retried with backoff, then an incident) with the status in the message.
 */
export function createHttpHandler(options: HttpHandlerOptions = {}): JobHandler {
  const fetchImpl = options.fetch ?? fetch;
  return async (job, context) => {
    const input = job.variables;
    const url = typeof input.url === 'string' ? input.url : job.headers.url;
    if (!url)
      throw new Error(`Expected the http job of ${job.elementId} to have a url, but it has none`);
    const method = (
      typeof input.method === 'string' ? input.method : (job.headers.method ?? 'GET')
    ).toUpperCase();
    const headers: Record<string, string> = {};
    if (isRecord(input.headers)) {
      for (const [name, value] of Object.entries(input.headers)) {
        headers[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
      }
    }
    let body: string | undefined;
    if (input.body !== undefined && input.body !== null && method !== 'GET' && method !== 'HEAD') {
      if (typeof input.body === 'string') {
        body = input.body;
      } else {
        body = JSON.stringify(input.body);
        headers['content-type'] ??= 'application/json';
      }
    }
    const timeoutMs =
      typeof input.timeout === 'number' ? input.timeout : (options.timeoutMs ?? 10_000);
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);

    let response: Response;
    try {
      response = await fetchImpl(url, { method, headers, body, signal });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : String(error);
      throw new Error(`Expected a response from ${method} ${url}, but got ${reason}`, {
        cause: error,
      });
    }
    const text = await response.text();
    if (response.status < 200 || response.status > 299) {
      throw new Error(
        `Expected a 2xx response from ${method} ${url}, but got ${response.status}: ${text.slice(0, 200)}`,
      );
    }
    let parsed: Json = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
      try {
        parsed = JSON.parse(text) as Json;
      } catch {
        parsed = text;
      }
    }
    return { variables: { status: response.status, body: parsed } };
  };
}
