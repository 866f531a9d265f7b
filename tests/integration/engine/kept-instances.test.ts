/**
 * On the SQL store an engine completes jobs and tasks of the instances it
 * saved last from its own copy, without the locking read (on the memory store
 * it reads, which costs less than a copy). Another engine on the same data (a
 * second process) may have moved such an instance on since; then the command
 * answers, and writes, exactly what it would have with the locking read.
 */
import { expect, it } from 'vitest';
import type { RunningEngine } from '@/engine/engine';
import { describeOnEveryStore, fixture } from './support/engines';

/** An instance of approve-by-amount waiting at its approval task, its job completed by `engine`. */
async function waitingForApproval(engine: RunningEngine) {
  const started = await engine.start('approve-by-amount', { variables: { amount: 5000 } });
  const [job] = await engine.listJobs({ instanceId: started.id });
  await engine.completeJob(job!.id);
  const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
  return { instanceId: started.id, jobId: job!.id, taskId: task!.id };
}

const typesOf = async (engine: RunningEngine, instanceId: string) =>
  (await engine.history(instanceId)).map((event) => event.type);

describeOnEveryStore('commands on instances an engine saved last', (given) => {
  it('given another process completed the job, then completing it again is refused as with the locking read, and the job completed once', async () => {
    const { engine, peer } = given();
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    const started = await engine.start('approve-by-amount', { variables: { amount: 5000 } });
    const [job] = await engine.listJobs({ instanceId: started.id });

    await peer().engine.completeJob(job!.id);

    await expect(engine.completeJob(job!.id)).rejects.toThrow(
      `Expected job ${job!.id} to be active, but it is completed`,
    );
    const types = await typesOf(engine, started.id);
    expect(types.filter((type) => type === 'JobCompleted')).toHaveLength(1);
    expect(types.filter((type) => type === 'TaskCreated')).toHaveLength(1);
  });

  it('given another process completed the task, then completing it again names who did, and the task completed once', async () => {
    const { engine, peer } = given();
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    const { instanceId, taskId } = await waitingForApproval(engine);

    await peer().engine.completeTask(taskId, { approved: true }, 'bob');

    await expect(engine.completeTask(taskId, { approved: false }, 'carol')).rejects.toThrow(
      `Expected task ${taskId} to be open, but it was completed by bob`,
    );
    const instance = await engine.getInstance(instanceId);
    expect(instance).toMatchObject({ status: 'completed', variables: { approved: true } });
    const types = await typesOf(engine, instanceId);
    expect(types.filter((type) => type === 'TaskCompleted')).toHaveLength(1);
  });

  it('given another process changed the instance in between, then completing the task starts from that change, not from the copy', async () => {
    const { engine, peer } = given();
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    const { instanceId, taskId } = await waitingForApproval(engine);

    await peer().engine.setVariables(instanceId, { costCenter: 'CC-7' }, 'operator');

    const done = await engine.completeTask(taskId, { approved: true }, 'bob');
    expect(done).toMatchObject({
      status: 'completed',
      variables: { amount: 5000, costCenter: 'CC-7', approved: true },
    });
    const types = await typesOf(engine, instanceId);
    expect(types.filter((type) => type === 'VariablesUpdated')).toHaveLength(1);
    expect(types.filter((type) => type === 'TaskCompleted')).toHaveLength(1);
  });

  it('given another process deployed a new version, then the next start here runs the new version', async () => {
    const { engine, peer } = given();
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    const first = await engine.start('approve-by-amount', { variables: { amount: 10 } });

    const renamed = fixture('approve-by-amount.bpmn').replace(
      'name="Approve by amount"',
      'name="Approve by amount, second version"',
    );
    const second = await peer().engine.deploy(renamed);

    const next = await engine.start('approve-by-amount', { variables: { amount: 10 } });
    expect(next.definitionVersion).toBe(second.version);
    expect(next.definitionVersion).toBe(first.definitionVersion + 1);
  });

  it('given a caller changed the view a command returned, then the next command starts from the instance as saved', async () => {
    const { engine } = given();
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    const started = await engine.start('approve-by-amount', { variables: { amount: 5000 } });
    const [job] = await engine.listJobs({ instanceId: started.id });

    started.state.variables[started.id]!['amount'] = 1;

    const afterJob = await engine.completeJob(job!.id);
    expect(afterJob).toMatchObject({ status: 'active', activeElementIds: ['approve'] });
    expect(afterJob.variables['amount']).toBe(5000);
  });
});
