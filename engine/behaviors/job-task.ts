import { describe } from '../expressions';
import type { ElementNode } from '../model/graph';
import type { ElementInstance } from '../runtime/types';
import { leaveThroughAll, type Behavior, type BehaviorContext } from './behavior';

/** Service and send tasks (and script tasks run by a worker): a job for a worker; waits for its outcome. */
export const jobTask: Behavior = {
  onActivate(context, instance, node) {
    createJob(context, instance, node);
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance) {
    context.emit({ type: 'CancelJob', jobId: instance.id });
  },
};

export function createJob(context: BehaviorContext, instance: ElementInstance, node: ElementNode): void {
  const definition = node.zeebe.taskDefinition;
  if (!definition) {
    context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Expected '${node.id}' to have a job type, but it has no zeebe:taskDefinition`);
    return;
  }
  const type = context.evaluate(instance, definition.type, 'the job type');
  const retries = context.evaluate(instance, definition.retries, 'the job retries');
  if (!type.ok || !retries.ok) {
    context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', !type.ok ? type.message : !retries.ok ? retries.message : '');
    return;
  }
  if (typeof type.value !== 'string' || type.value === '') {
    context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Expected the job type of '${node.id}' to be a non-empty string, but it was ${describe(type.value)}`);
    return;
  }
  const count = typeof retries.value === 'number' ? retries.value : Number(retries.value);
  if (!Number.isInteger(count) || count < 0) {
    context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Expected the job retries of '${node.id}' to be a whole number, but it was ${describe(retries.value)}`);
    return;
  }
  context.wait(instance, { wait: 'job', jobType: type.value, retries: count });
  context.emit({
    type: 'CreateJob',
    job: {
      id: instance.id,
      elementId: node.id,
      type: type.value,
      retries: count,
      headers: { ...node.zeebe.taskHeaders },
      variables: context.visibleVariables(instance),
    },
  });
  context.record('JobCreated', instance, { jobType: type.value, retries: count });
}
