import { leaveThroughAll, nothing, type Behavior } from './behavior';

/**
 * An embedded sub-process: its own variable scope and a token at its start
 * event. The runtime completes it when no token is left inside.
 */
export const subProcess: Behavior = {
  onActivate(context, instance, node) {
    context.createScope(instance);
    if (node.startEventId === null) {
      context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Expected sub-process '${node.id}' to have a none start event, but it has none`);
      return;
    }
    context.activateChild(instance, node.startEventId);
  },
  onComplete: leaveThroughAll,
  // Its children are terminated by the runtime before the scope itself.
  onTerminate: nothing,
};
