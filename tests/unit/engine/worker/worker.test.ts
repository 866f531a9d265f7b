import { describe, expect, it } from 'vitest';
import type { Engine, InstanceView } from '@/engine/api';
import { createManualClock } from '@/engine/clock';
import { CommandRejected, type Variables } from '@/engine/runtime/types';
import { createMemoryStore } from '@/engine/store/memory';
import type { Store } from '@/engine/store/port';
import { BpmnError, createWorker, retryBackoff, type JobHandler } from '@/engine/worker';
import { seedInstance } from '../../../integration/engine/support/store-contract';

type Report =
  | { kind: 'complete'; jobId: string; variables: Variables | undefined }
  | {
      kind: 'fail';
      jobId: string;
      retries: number;
      errorMessage: string;
      retryBackoffMs: number | undefined;
    }
  | { kind: 'error'; jobId: string; errorCode: string }
  | { kind: 'timer'; timerId: string };

/** Stands in for the engine: records each report and closes the job row, as the engine would. */
function recordingEngine(store: Store) {
  const reports: Report[] = [];
  const done = {} as InstanceView;
  const closeJob = async (jobId: string) => {
    const job = await store.getJob(jobId);
    if (!job || job.status !== 'activatable')
      throw new CommandRejected('INVALID_STATE', `job ${jobId} is gone`);
    await store.transaction((tx) => tx.completeJob(jobId));
  };
  const engine: Pick<Engine, 'completeJob' | 'failJob' | 'throwError' | 'triggerTimer'> = {
    async completeJob(jobId, variables) {
      await closeJob(jobId);
      reports.push({ kind: 'complete', jobId, variables });
      return done;
    },
    async failJob(jobId, failure) {
      reports.push({ kind: 'fail', jobId, ...failure, retryBackoffMs: failure.retryBackoffMs });
      await store.transaction((tx) => tx.recordJobFailure(jobId, failure));
      return done;
    },
    async throwError(jobId, error) {
      await closeJob(jobId);
      reports.push({ kind: 'error', jobId, errorCode: error.errorCode });
      return done;
    },
    async triggerTimer(timerId) {
      await store.transaction((tx) => tx.deleteTimer(timerId));
      reports.push({ kind: 'timer', timerId });
      return done;
    },
  };
  return { engine, reports };
}

async function givenJobs(store: Store, type: string, count: number, retries = 3) {
  const instanceId = await seedInstance(store);
  const ids = Array.from({ length: count }, (_, i) => `${instanceId}-job-${i}`);
  await store.transaction((tx) =>
    tx.applyEffects(
      { instanceId, processId: 'order' },
      ids.map((id) => ({
        type: 'CreateJob' as const,
        job: { id, elementId: 'charge', type, retries, headers: {}, variables: { n: 1 } },
      })),
      new Date(Date.UTC(2025, 0, 1)),
    ),
  );
  return ids;
}

describe('worker', () => {
  it('completes a job with the variables its handler returns', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const [jobId] = await givenJobs(store, 'charge', 1);
    const worker = createWorker({
      engine,
      store,
      workerId: 'w1',
      clock: createManualClock(),
      handlers: {
        charge: (job) => Promise.resolve({ variables: { charged: job.variables.n ?? null } }),
      },
    });
    expect(await worker.runOnce()).toEqual({ jobs: 1, timers: 0 });
    expect(reports).toEqual([{ kind: 'complete', jobId, variables: { charged: 1 } }]);
    expect(await worker.runOnce()).toEqual({ jobs: 0, timers: 0 });
  });

  it('reports a failure with one retry less and a backoff that doubles with each failure', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const [jobId] = await givenJobs(store, 'charge', 1, 3);
    const clock = createManualClock();
    const worker = createWorker({
      engine,
      store,
      workerId: 'w1',
      clock,
      leaseMs: 1000,
      backoff: { baseMs: 100, maxMs: 10_000 },
      handlers: { charge: () => Promise.reject(new Error('card declined')) },
    });
    await worker.runOnce();
    clock.advance(1000);
    await worker.runOnce();
    expect(reports).toEqual([
      { kind: 'fail', jobId, retries: 2, errorMessage: 'card declined', retryBackoffMs: 100 },
      { kind: 'fail', jobId, retries: 1, errorMessage: 'card declined', retryBackoffMs: 200 },
    ]);
    expect(retryBackoff(20, { baseMs: 100, maxMs: 10_000 })).toBe(10_000);
  });

  it('throws a BPMN error for the process to catch', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const [jobId] = await givenJobs(store, 'charge', 1);
    const worker = createWorker({
      engine,
      store,
      workerId: 'w1',
      clock: createManualClock(),
      handlers: { charge: () => Promise.reject(new BpmnError('CARD_DECLINED', 'declined')) },
    });
    await worker.runOnce();
    expect(reports).toEqual([{ kind: 'error', jobId, errorCode: 'CARD_DECLINED' }]);
  });

  it('hands the job of a worker that died to another once the lease runs out, and ignores the late report', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const [jobId] = await givenJobs(store, 'charge', 1);
    const clock = createManualClock();
    const errors: unknown[] = [];
    const crashed = await store.claimJobs({
      workerId: 'dead',
      now: new Date(clock.now()),
      leaseMs: 5000,
      limit: 10,
      types: ['charge'],
    });
    expect(crashed).toHaveLength(1);

    const worker = createWorker({
      engine,
      store,
      workerId: 'alive',
      clock,
      leaseMs: 5000,
      onError: (error) => errors.push(error),
      handlers: { charge: () => Promise.resolve({ variables: { ok: true } }) },
    });
    expect((await worker.runOnce()).jobs).toBe(0);
    clock.advance(5000);
    expect((await worker.runOnce()).jobs).toBe(1);
    expect(reports).toEqual([{ kind: 'complete', jobId, variables: { ok: true } }]);

    await expect(engine.completeJob(jobId!, {})).rejects.toBeInstanceOf(CommandRejected);
    expect(errors).toEqual([]);
  });

  it('runs each job once when two workers race', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const ids = await givenJobs(store, 'charge', 30);
    const runs = new Map<string, number>();
    const handler: JobHandler = async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const clock = createManualClock();
    const workers = ['a', 'b'].map((workerId) =>
      createWorker({ engine, store, workerId, clock, batchSize: 4, handlers: { charge: handler } }),
    );
    for (let round = 0; round < 10; round++) await Promise.all(workers.map((w) => w.runOnce()));
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(reports).toHaveLength(30);
  });

  it('fires due timers', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    const instanceId = await seedInstance(store);
    const clock = createManualClock();
    await store.transaction((tx) =>
      tx.applyEffects(
        { instanceId, processId: 'order' },
        [
          {
            type: 'CreateTimer',
            timer: {
              id: 'timer-1',
              elementInstanceId: 'e1',
              elementId: 'wait',
              dueAt: clock.now() + 60_000,
            },
          },
        ],
        new Date(clock.now()),
      ),
    );
    const worker = createWorker({ engine, store, workerId: 'w', clock, handlers: {} });
    expect(await worker.runOnce()).toEqual({ jobs: 0, timers: 0 });
    clock.advance(60_000);
    expect(await worker.runOnce()).toEqual({ jobs: 0, timers: 1 });
    expect(reports).toEqual([{ kind: 'timer', timerId: 'timer-1' }]);
  });

  it('polls until stopped', async () => {
    const store = createMemoryStore();
    const { engine, reports } = recordingEngine(store);
    await givenJobs(store, 'charge', 3);
    const worker = createWorker({
      engine,
      store,
      workerId: 'w',
      pollMs: 5,
      handlers: { charge: () => Promise.resolve() },
    });
    worker.start();
    worker.start();
    for (let i = 0; i < 100 && reports.length < 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.stop();
    expect(reports).toHaveLength(3);
  });
});
