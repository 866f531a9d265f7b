import { leaveThroughAll, type Behavior } from './behavior';
import { createJob } from './job-task';

/** Evaluates the zeebe:script FEEL expression inline into the result variable; with a task definition instead, it is a job. */
export const scriptTask: Behavior = {
  onActivate(context, instance, node) {
    const script = node.zeebe.script;
    if (!script) {
      createJob(context, instance, node);
      return;
    }
    const result = context.evaluate(instance, script.expression, 'the script');
    if (!result.ok) {
      context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', result.message);
      return;
    }
    if (script.resultVariable) context.applyResult(instance, { [script.resultVariable]: result.value });
    context.complete(instance);
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance, node) {
    if (!node.zeebe.script) context.emit({ type: 'CancelJob', jobId: instance.id });
  },
};
