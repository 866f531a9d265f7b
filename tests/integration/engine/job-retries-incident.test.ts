import { expect, it } from 'vitest';
import { createWorker } from '@/engine/worker';
import { describeOnEveryStore, fixture } from './support/engines';

describeOnEveryStore('a failing job', (given) => {
  it('is retried with backoff, becomes an incident when retries run out, and resumes when the incident is retried', async () => {
    const { engine, store, clock } = given();
    await engine.deploy(fixture('charge-card-job.bpmn'));
    let cardWorks = false;
    const worker = createWorker({
      engine,
      store,
      clock,
      workerId: 'w1',
      backoff: { baseMs: 1000, maxMs: 60_000 },
      handlers: {
        charge: (job) =>
          cardWorks
            ? Promise.resolve({ variables: { charged: job.headers.provider ?? null } })
            : Promise.reject(new Error('gateway down')),
      },
    });

    // Given an instance waiting at the charge job (3 retries)
    const started = await engine.start('charge-card', { variables: { amount: 30 } });
    const [job] = await engine.listJobs({ instanceId: started.id });
    expect(job).toMatchObject({
      type: 'charge',
      retries: 3,
      status: 'activatable',
      headers: { provider: 'acme' },
    });

    // When it fails, it waits 1 s, then 2 s before the next attempts
    expect((await worker.runOnce()).jobs).toBe(1);
    expect(await engine.getInstance(started.id)).toMatchObject({ status: 'active', incidents: [] });
    expect(await store.getJob(job!.id)).toMatchObject({
      retries: 2,
      failures: 1,
      errorMessage: 'gateway down',
      lockedBy: null,
    });
    clock.advance(999);
    expect((await worker.runOnce()).jobs).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).jobs).toBe(1);
    clock.advance(1999);
    expect((await worker.runOnce()).jobs).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).jobs).toBe(1);

    // Then with no retries left the instance has an incident
    const stuck = await engine.getInstance(started.id);
    expect(stuck?.incidents).toMatchObject([{ elementId: 'charge', type: 'JOB_NO_RETRIES' }]);
    expect(stuck?.incidents[0]?.message).toContain('gateway down');
    expect(await store.getJob(job!.id)).toMatchObject({
      status: 'failed',
      retries: 0,
      failures: 3,
    });
    expect((await store.getInstance(started.id))?.hasIncident).toBe(true);
    clock.advance(3_600_000);
    expect((await worker.runOnce()).jobs).toBe(0);
    await expect(engine.completeJob(job!.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });

    // When an operator retries the incident, the job runs again and the instance completes
    cardWorks = true;
    const incidentId = stuck!.incidents[0]!.id;
    const resumed = await engine.retryIncident(incidentId, { by: 'ops' });
    expect(resumed.incidents).toEqual([]);
    expect(await store.getIncident(incidentId)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'ops',
    });
    expect((await worker.runOnce()).jobs).toBe(1);
    expect(await engine.getInstance(started.id)).toMatchObject({
      status: 'completed',
      variables: { amount: 30, charged: 'acme' },
    });
    await expect(engine.retryIncident(incidentId)).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const types = (await engine.history(started.id)).map((event) => event.type);
    expect(types.filter((type) => type === 'JobFailed')).toHaveLength(3);
    expect(types).toEqual(
      expect.arrayContaining([
        'IncidentRaised',
        'IncidentResolved',
        'JobCompleted',
        'InstanceCompleted',
      ]),
    );
  });
});
