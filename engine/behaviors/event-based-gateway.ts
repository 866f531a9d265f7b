import { nothing, type Behavior } from './behavior';

/**
 * Waits on the timers and messages of the events (or receive tasks) behind
 * it. The runtime completes it into whichever fires first; the others' timers
 * and subscriptions close with the gateway.
 */
export const eventBasedGateway: Behavior = {
  onActivate(context, instance, node) {
    for (const flowId of node.outgoing) {
      const target = context.graph.elements.get(context.graph.flows.get(flowId)?.targetId ?? '');
      if (target && !context.openTrigger(instance, target)) return;
    }
    context.wait(instance, { wait: 'event' });
  },
  // The runtime activates the event that fired; the gateway itself takes no flow.
  onComplete: nothing,
  onTerminate: nothing,
};
