import { expect, it } from 'vitest';
import type { JobHandler } from '@/engine/worker';
import { createWorker } from '@/engine/worker';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('workers racing for jobs', (given) => {
  it('runs each job exactly once when two workers poll the same table', async () => {
    const { engine, store, clock, peer } = given();
    await engine.deploy(fixture('charge-card-job.bpmn'));
    const instances = await Promise.all(
      Array.from({ length: 24 }, (_, i) => engine.start('charge-card', { variables: { n: i } })),
    );

    const runs = new Map<string, string[]>();
    const handler =
      (workerId: string): JobHandler =>
      async (job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), workerId]);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { variables: { chargedBy: workerId } };
      };
    const second = peer();
    const workers = [
      createWorker({
        engine,
        store,
        clock,
        workerId: 'a',
        batchSize: 5,
        handlers: { charge: handler('a') },
      }),
      createWorker({
        ...second,
        clock,
        workerId: 'b',
        batchSize: 5,
        handlers: { charge: handler('b') },
      }),
    ];

    for (let round = 0; round < 20; round++) {
      const done = await Promise.all(workers.map((worker) => worker.runOnce()));
      if (done.every((summary) => summary.jobs === 0)) break;
    }

    expect(runs.size).toBe(24);
    expect([...runs.values()].every((by) => by.length === 1)).toBe(true);
    for (const instance of instances) {
      expect((await engine.getInstance(instance.id))?.status).toBe('completed');
    }
  });

  it('gives the job of a worker that crashed after claiming it to another worker once the lease runs out', async () => {
    const { engine, store, clock } = given();
    const started = await engine.start('charge-card');
    const crashed = await store.claimJobs({
      workerId: 'crashed',
      now: new Date(clock.now()),
      leaseMs: 30_000,
      limit: 100,
      types: ['charge'],
    });
    const [job] = crashed.filter((claimed) => claimed.instanceId === started.id);
    expect(job).toBeDefined();

    const worker = createWorker({
      engine,
      store,
      clock,
      workerId: 'survivor',
      leaseMs: 30_000,
      handlers: { charge: () => Promise.resolve({ variables: { ok: true } }) },
    });
    expect((await worker.runOnce()).jobs).toBe(0);
    clock.advance(30_000);
    expect((await worker.runOnce()).jobs).toBeGreaterThanOrEqual(1);
    expect(await engine.getInstance(started.id)).toMatchObject({
      status: 'completed',
      variables: { ok: true },
    });

    // The crashed worker's late report is refused and changes nothing.
    await expect(engine.completeJob(job!.id, { ok: false })).rejects.toMatchObject({
      name: 'CommandRejected',
    });
    expect((await engine.getInstance(started.id))?.variables.ok).toBe(true);
  });
});
