import { type Behavior } from './behavior';
import { createJob } from './job-task';
import { broadcastSignal } from './signal';

/**
 * None end: the token ends here. Terminate end: every other token of the scope
 * ends too. Error end: throws the error to the enclosing scopes. Message end:
 * a job (like a send task); the token ends when the job completes.
 * Compensation end: the handlers of completed activities run first.
 * Escalation end: the escalation goes up the scopes, then the token ends.
 * Signal end: the signal is broadcast, then the token ends.
 */
export const endEvent: Behavior = {
  onActivate(context, instance, node) {
    const definition = node.eventDefinition;
    if (definition?.type === 'error') {
      context.throwError(instance, definition.errorCode, `error end event '${node.id}'`);
      return;
    }
    if (definition?.type === 'message') {
      createJob(context, instance, node);
      return;
    }
    if (definition?.type === 'signal') {
      if (broadcastSignal(context, instance, definition.name)) context.complete(instance);
      return;
    }
    if (definition?.type === 'escalation') {
      if (context.escalate(instance, definition.escalationCode) === 'continue') context.complete(instance);
      return;
    }
    if (definition?.type === 'compensate') {
      context.compensate(instance, definition.activityRef);
      return;
    }
    context.complete(instance);
  },
  onComplete(context, instance, node) {
    if (node.eventDefinition?.type === 'terminate') context.terminateScope(instance);
  },
  onTerminate(context, instance, node) {
    if (node.eventDefinition?.type === 'message') context.emit({ type: 'CancelJob', jobId: instance.id });
  },
};
