import { describe, expect, it } from 'vitest';
import { compile, type ProcessGraph } from '@/engine/model';
import { CommandRejected, step, type Command, type InstanceState, type StepResult } from '@/engine/runtime';
import { fixture, textLike } from '../support/given';
import { MemoryEngine } from '../support/memory-engine';

async function graphOf(name: string): Promise<ProcessGraph> {
  const result = await compile(fixture(name));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}

function context(maxSteps?: number) {
  let n = 0;
  return { now: 1_000, newId: () => `id-${++n}`, ...(maxSteps === undefined ? {} : { maxSteps }) };
}

describe('loops', () => {
  it('a loop that exits on a condition runs to the end', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('loop-until-condition'));
    const done = await engine.start('loop', { variables: { counter: 0, limit: 3 } });
    expect(done.status).toBe('completed');
    expect(done.variables['counter']).toBe(3);
  });

  it('a runaway loop becomes a STEP_LIMIT_EXCEEDED incident, not a hang; a retry continues where it stopped', async () => {
    const engine = new MemoryEngine({ maxSteps: 200 });
    await engine.deploy(fixture('loop-until-condition'));
    const stuck = await engine.start('loop', { variables: { counter: 0, limit: 60 } });
    expect(stuck.status).toBe('active');
    expect(stuck.incidents).toEqual([expect.objectContaining({ type: 'STEP_LIMIT_EXCEEDED', message: textLike(/^Expected the instance to reach a wait state within 200/) })]);
    const resumed = await engine.retryIncident(stuck.incidents[0]?.id ?? '');
    expect(resumed.status).toBe('completed');
    expect(resumed.variables['counter']).toBe(60);
  });
});

describe('invalid commands', () => {
  it('are rejected with a reason and change nothing', async () => {
    const graph = await graphOf('purchase-request');
    const started = step(graph, null, { type: 'StartInstance', instanceId: 'i1', variables: { amount: 5000 } }, context());
    const before = JSON.stringify(started.state);
    const jobId = Object.values(started.state.elements).find((element) => element.elementId === 'prepare')?.id ?? '';
    const attempts: [Command, RegExp][] = [
      [{ type: 'CompleteTask', elementInstanceId: jobId }, /to be an active user task/],
      [{ type: 'CompleteTask', elementInstanceId: 'nope' }, /Expected an active user task 'nope'/],
      [{ type: 'CompleteJob', elementInstanceId: 'nope' }, /Expected an active job 'nope'/],
      [{ type: 'RetryIncident', incidentId: 'nope' }, /Expected an open incident 'nope'/],
      [{ type: 'FailJob', elementInstanceId: jobId, retries: -1, errorMessage: 'x' }, /whole number/],
      [{ type: 'SetVariables', scopeId: 'nope', variables: {} }, /Expected a live scope/],
      [{ type: 'StartInstance', instanceId: 'i1' }, /exists/],
    ];
    for (const [command, reason] of attempts) {
      expect(() => step(graph, started.state, command, context())).toThrow(CommandRejected);
      expect(() => step(graph, started.state, command, context())).toThrow(reason);
    }
    expect(JSON.stringify(started.state)).toBe(before);
    const cancelled = step(graph, started.state, { type: 'CancelInstance' }, context());
    expect(() => step(graph, cancelled.state, { type: 'CompleteJob', elementInstanceId: jobId }, context())).toThrow(/to be active, but it is terminated/);
  });

  it('a task that was already completed cannot be completed again', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('parallel-fork-join'));
    const instance = await engine.start('parallel');
    const task = (await engine.listTasks({ instanceId: instance.id }))[0];
    await engine.completeTask(task?.id ?? '');
    await expect(engine.completeTask(task?.id ?? '')).rejects.toThrow(CommandRejected);
  });
});

describe('state round-trips through JSON at every wait state', () => {
  it('resuming from the round-tripped state gives the same result as from the live state', async () => {
    const graph = await graphOf('nested-sub-process-gateways');
    const run = (state: InstanceState | null, command: Command, ids: { n: number }) =>
      step(graph, state, command, { now: 5, newId: () => `id-${++ids.n}` });
    const live = { n: 0 };
    const revived = { n: 0 };
    let a: StepResult = run(null, { type: 'StartInstance', instanceId: 'i', variables: { amount: 2 } }, live);
    let b: StepResult = run(null, { type: 'StartInstance', instanceId: 'i', variables: { amount: 2 } }, revived);
    for (;;) {
      const stored = JSON.parse(JSON.stringify(b.state)) as InstanceState;
      expect(stored).toEqual(a.state);
      const waiting = Object.values(a.state.elements).find((element) => element.data?.['wait'] === 'task');
      if (!waiting) break;
      const command: Command = { type: 'CompleteTask', elementInstanceId: waiting.id, variables: { [waiting.elementId]: true } };
      a = run(a.state, command, live);
      b = run(stored, command, revived);
      expect(b.history).toEqual(a.history);
      expect(b.effects).toEqual(a.effects);
    }
    expect(a.state.status).toBe('completed');
  });
});
