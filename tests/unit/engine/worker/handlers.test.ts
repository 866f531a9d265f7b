import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '@/engine/api';
import type { Variables } from '@/engine/runtime/types';
import { createHttpHandler, createLogHandler } from '@/engine/worker';

const job = (variables: Variables, headers: Record<string, string> = {}): JobView => ({
  id: 'job-1',
  instanceId: 'i-1',
  processId: 'order',
  elementId: 'call',
  type: 'http',
  retries: 3,
  status: 'activatable',
  dueAt: new Date(0),
  lockedBy: 'w',
  lockExpiresAt: null,
  errorMessage: null,
  failures: 0,
  headers,
  variables,
});
const context = { workerId: 'w', signal: new AbortController().signal };

describe('log handler', () => {
  it('writes the message variable, else the message header, else the variables', async () => {
    const lines: string[] = [];
    const log = createLogHandler((line) => lines.push(line));
    await log(job({ message: 'hello' }), context);
    await log(job({}, { message: 'from header' }), context);
    await log(job({ amount: 5 }), context);
    expect(lines).toEqual(['[call] hello', '[call] from header', '[call] {"amount":5}']);
  });
});

describe('http handler', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/echo') {
          response.writeHead(201, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              method: request.method,
              auth: request.headers.authorization ?? null,
              body: body ? (JSON.parse(body) as unknown) : null,
            }),
          );
        } else if (request.url === '/text') {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end('plain');
        } else if (request.url === '/slow') {
          setTimeout(() => response.end('late'), 500);
        } else {
          response.writeHead(503);
          response.end('maintenance');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const http = createHttpHandler();

  it('sends method, headers and a JSON body, and returns status and the parsed body', async () => {
    const result = await http(
      job({
        url: `${base}/echo`,
        method: 'post',
        headers: { Authorization: 'Bearer t' },
        body: { amount: 1200 },
      }),
      context,
    );
    expect(result).toEqual({
      variables: {
        status: 201,
        body: { method: 'POST', auth: 'Bearer t', body: { amount: 1200 } },
      },
    });
  });

  it('returns a body that is not JSON as text, taking the url from the task headers', async () => {
    expect(await http(job({}, { url: `${base}/text` }), context)).toEqual({
      variables: { status: 200, body: 'plain' },
    });
  });

  it('fails with the status when the answer is not 2xx', async () => {
    await expect(http(job({ url: `${base}/down` }), context)).rejects.toThrow(
      `Expected a 2xx response from GET ${base}/down, but got 503: maintenance`,
    );
  });

  it('fails when no answer comes within the timeout', async () => {
    await expect(http(job({ url: `${base}/slow`, timeout: 50 }), context)).rejects.toThrow(
      'no answer within 50 ms',
    );
  });

  it('fails without a url', async () => {
    await expect(http(job({}), context)).rejects.toThrow('to have a url');
  });
});
