import { leaveThroughAll, type Behavior } from './behavior';
import { broadcastSignal } from './signal';
import { createJob } from './job-task';

/**
 * Intermediate throw event: a message throw is a job (like a send task); a
 * compensation throw runs the handlers of completed activities and moves on
 * after them; an escalation goes up the scopes and the token carries on unless
 * an interrupting catch event ended it; a signal is broadcast and the token
 * moves on; a none throw passes the token on.
 */
export const throwEvent: Behavior = {
  onActivate(context, instance, node) {
    const definition = node.eventDefinition;
    if (definition?.type === 'message') createJob(context, instance, node);
    else if (definition?.type === 'compensate') context.compensate(instance, definition.activityRef);
    else if (definition?.type === 'signal') {
      if (broadcastSignal(context, instance, definition.name)) context.complete(instance);
    } else if (definition?.type === 'escalation') {
      if (context.escalate(instance, definition.escalationCode) === 'continue') context.complete(instance);
    }
    else context.complete(instance);
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance, node) {
    if (node.eventDefinition?.type === 'message')
      context.emit({ type: 'CancelJob', jobId: instance.id });
  },
};
