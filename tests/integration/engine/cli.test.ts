import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bpmn(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      ['engine/cli.ts', ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const diagram = (name: string) => path.join(fixtures, name);
const shared = (name: string) => path.resolve(root, 'tests/fixtures/bpmn', name);

describe('npm run bpmn -- run', () => {
  it('exits 0 when the run completes, completing user tasks from --complete', async () => {
    const run = await bpmn(
      'run',
      diagram('approve-by-amount.bpmn'),
      '--vars',
      '{"amount":1500}',
      '--complete',
      'approve={"ok":true}',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TaskCompleted      approve (bpmn:UserTask)');
    expect(run.stdout).toContain('Status: completed');
    expect(run.stdout).toContain('Variables: {"amount":1500,"ok":true}');
  });

  it('exits 2 when the run still waits, naming what it waits for', async () => {
    const run = await bpmn('run', diagram('approve-by-amount.bpmn'), '--vars', '{"amount":1500}');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Status: waiting');
    expect(run.stdout).toContain('Active elements: approve');
    expect(run.stdout).toContain('Open task: approve "Approve" (--complete approve=\'{…}\')');
  });

  it('exits 3 on an incident, printing it', async () => {
    const run = await bpmn('run', diagram('no-matching-condition.bpmn'), '--vars', '{"amount":5}');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      'Incident: gw CONDITION_ERROR: Expected at least one condition to evaluate to true',
    );
  });

  it('runs a P3D timer on the virtual clock in no time, escalating the approval', async () => {
    const started = Date.now();
    const run = await bpmn(
      'run',
      shared('timer-boundary-escalates-user-task.bpmn'),
      '--vars',
      '{"manager":"m","director":"d","approvalTimeout":"P3D"}',
      '--complete',
      'escalated={"approved":true}',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TimerFired         approve (bpmn:UserTask)');
    expect(run.stdout).toContain('ElementTerminated  approve (bpmn:UserTask)');
    expect(run.stdout).toContain('Status: completed');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('sends --message name:key once a subscription waits for it', async () => {
    const run = await bpmn(
      'run',
      shared('message-catch-and-receive-task.bpmn'),
      '--vars',
      '{"orderId":"o1","region":"eu"}',
      '--message',
      'shipped-eu:o1={"carrier":"UPS"}',
      '--message',
      'payment received:o1={"paid":5}',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Variables: {"orderId":"o1","region":"eu","paid":5,"shippedWith":"UPS"}');
  });

  it('starts a process with a message start event from --message', async () => {
    const run = await bpmn('run', shared('message-start-and-throw.bpmn'), '--message', 'order placed={"orderId":"x"}');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Waiting job: announce (type publish-message, for an external worker)');
  });

  it('exits 4 on an invalid diagram, printing every problem', async () => {
    const run = await bpmn('run', diagram('invalid-service-and-gateway.bpmn'));
    expect(run.code).toBe(4);
    expect(run.stdout).toContain(
      'untyped: Expected the service task to have a zeebe:taskDefinition with a type',
    );
    expect(run.stdout.match(/^ {2}[ab]: /gm)?.length).toBeGreaterThanOrEqual(2);
  });

  it('exits 1 on a usage error', async () => {
    expect((await bpmn()).code).toBe(1);
    const badJson = await bpmn('run', diagram('approve-by-amount.bpmn'), '--vars', '{amount:');
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toContain('Expected --vars to be JSON');
    expect((await bpmn('run', diagram('does-not-exist.bpmn'))).code).toBe(1);
  });

  it('prints one JSON document with --json, with the trace and the log jobs that ran', async () => {
    const run = await bpmn(
      'run',
      diagram('log-and-finish.bpmn'),
      '--vars',
      '{"name":"Ada"}',
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      status: string;
      logs: string[];
      variables: object;
      trace: Array<{ type: string; elementId: string | null }>;
    };
    expect(result).toMatchObject({
      status: 'completed',
      logs: ['[say] hello Ada'],
      variables: { name: 'Ada' },
    });
    expect(result.trace.map((line) => line.type)).toContain('JobCompleted');
  });

  it('leaves jobs of other types waiting for an external worker', async () => {
    const run = await bpmn('run', diagram('charge-card-job.bpmn'), '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'waiting',
      waitingJobs: [{ elementId: 'charge', type: 'charge' }],
    });
  });
});
