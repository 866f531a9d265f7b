import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../support/memory-engine';
import { activeJob, completed, fixture, textLike, trail } from '../support/given';

describe('service task jobs', () => {
  it('given a failure with retries left, the job is retried after the backoff; at zero retries an incident; a retry resets the retries', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('purchase-request'));
    const instance = await engine.start('purchase', { variables: { amount: 10 } });
    const job = await activeJob(engine, instance.id, 'prepare');
    await engine.failJob(job.id, { retries: 1, errorMessage: 'timeout', retryBackoffMs: 5000 });
    expect((await engine.listJobs({ instanceId: instance.id }))[0]).toMatchObject({ retries: 1, dueAt: new Date(engine.now + 5000) });
    const failed = await engine.failJob(job.id, { retries: 0, errorMessage: 'timeout again' });
    expect(failed.incidents).toEqual([
      expect.objectContaining({ type: 'JOB_NO_RETRIES', elementId: 'prepare', message: textLike(/^Expected job 'prepare' of 'prepare' to complete, but .*timeout again/) }),
    ]);
    await expect(engine.completeJob(job.id)).rejects.toThrow(/open incident/);
    await engine.retryIncident(failed.incidents[0]?.id ?? '');
    expect(await activeJob(engine, instance.id, 'prepare')).toMatchObject({ retries: 2 });
    const done = await engine.completeJob(job.id);
    expect(done.status).toBe('completed');
    expect(await trail(engine, instance.id, ['JobFailed', 'IncidentRaised', 'IncidentResolved', 'JobCompleted'])).toEqual([
      'JobFailed prepare',
      'JobFailed prepare',
      'IncidentRaised prepare',
      'IncidentResolved prepare',
      'JobCompleted prepare',
    ]);
  });

  it('given a BPMN error that nothing catches, then an UNHANDLED_ERROR_EVENT incident', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('purchase-request'));
    const instance = await engine.start('purchase', { variables: { amount: 10 } });
    const after = await engine.throwError((await activeJob(engine, instance.id, 'prepare')).id, { errorCode: 'NO_BUDGET' });
    expect(after.incidents).toEqual([expect.objectContaining({ type: 'UNHANDLED_ERROR_EVENT', message: textLike("'NO_BUDGET'") })]);
  });

  it('applies input mappings as local variables and output mappings into the process scope', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('io-mapping'));
    const instance = await engine.start('mapping', { variables: { region: 'eu', customer: { id: 'c-7' } } });
    const job = await activeJob(engine, instance.id, 'lookup');
    expect(job).toMatchObject({ type: 'lookup-eu', retries: 3, variables: { customerId: 'c-7', mode: 'static', region: 'eu' } });
    const done = await engine.completeJob(job.id, { score: 4 });
    expect(done.variables).toEqual({ region: 'eu', customer: { id: 'c-7' }, result: { score: 40 } });
  });
});

describe('end events', () => {
  it('terminate end event ends every other token of its scope', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('terminate-end-event'));
    const instance = await engine.start('terminate');
    const done = await engine.completeJob((await activeJob(engine, instance.id, 'work')).id);
    expect(done.status).toBe('completed');
    expect(await trail(engine, instance.id, ['ElementTerminated'])).toEqual(['ElementTerminated waiting']);
    expect((await engine.listTasks({ instanceId: instance.id }))[0]?.status).toBe('cancelled');
  });

  it('an error end event nothing catches raises an incident', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('error-end-event-uncaught'));
    const instance = await engine.start('errorEnd');
    expect(instance.incidents).toEqual([expect.objectContaining({ elementId: 'fail', type: 'UNHANDLED_ERROR_EVENT', message: textLike("'NOT_FOUND'") })]);
  });
});

describe('call activity', () => {
  it('starts the child instance, waits, and takes over its variables when it completes', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('call-activity'));
    const parent = await engine.start('parentProcess', { variables: { orderId: 'o-1' } });
    expect(parent.activeElementIds).toEqual(['callChild']);
    const [task] = await engine.listTasks({ status: 'open' });
    expect(task?.elementId).toBe('childTask');
    expect(task?.variables).toEqual({ orderId: 'o-1' });
    const child = await engine.completeTask(task?.id ?? '', { shipped: true });
    expect(child.status).toBe('completed');
    const after = await engine.getInstance(parent.id);
    expect(after?.status).toBe('completed');
    expect(after?.variables).toEqual({ orderId: 'o-1', shipped: true });
  });

  it('cancelling the parent cancels the child', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('call-activity'));
    const parent = await engine.start('parentProcess');
    const [task] = await engine.listTasks({ status: 'open' });
    await engine.cancelInstance(parent.id, { by: 'ops', reason: 'duplicate' });
    expect((await engine.getTask(task?.id ?? ''))?.status).toBe('cancelled');
    expect((await engine.getInstance(task?.instanceId ?? ''))?.status).toBe('terminated');
  });
});

describe('cancel', () => {
  it('terminates every element, cancels tasks and jobs, and records who cancelled', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('nested-sub-process-gateways'));
    const instance = await engine.start('nested', { variables: { amount: 1 } });
    const cancelled = await engine.cancelInstance(instance.id, { by: 'ops', reason: 'test' });
    expect(cancelled.status).toBe('terminated');
    expect(cancelled.activeElementIds).toEqual([]);
    expect(await trail(engine, instance.id, ['ElementTerminated', 'InstanceCancelled', 'InstanceTerminated'])).toEqual([
      'InstanceCancelled nested',
      'ElementTerminated innerA',
      'ElementTerminated sub',
      'ElementTerminated outerTask',
      'ElementTerminated nested',
      'InstanceTerminated nested',
    ]);
    expect((await engine.listTasks({ instanceId: instance.id })).map((task) => task.status)).toEqual(['cancelled', 'cancelled']);
    expect(await completed(engine, instance.id)).not.toContain('nested');
  });
});
