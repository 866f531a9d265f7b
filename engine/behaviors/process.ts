import { nothing, type Behavior } from './behavior';

/** The process scope: a token at the chosen start event; completing it ends the instance. */
export const process: Behavior = {
  onActivate(context, instance, node) {
    const chosen = instance.data?.['startEventId'];
    const startEventId = typeof chosen === 'string' ? chosen : node.startEventId;
    if (startEventId === null) {
      context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', `Expected process '${node.id}' to have a none start event, but it has none`);
      return;
    }
    context.createScope(instance);
    context.activateChild(instance, startEventId);
  },
  onComplete(context, instance) {
    context.completeProcess(instance);
  },
  onTerminate: nothing,
};
