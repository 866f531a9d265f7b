import { leaveThroughAll, nothing, type Behavior } from './behavior';

/**
 * Intermediate timer/message catch events and receive tasks: open the timer or
 * subscription and wait. After an event-based gateway the event was already
 * triggered when it is activated, so it completes at once.
 */
export const catchEvent: Behavior = {
  onActivate(context, instance, node) {
    if (context.takeTrigger(instance)) {
      context.complete(instance);
      return;
    }
    if (!context.openTrigger(instance, node)) return;
    context.wait(instance, { wait: 'event' });
  },
  onComplete: leaveThroughAll,
  // The runtime cancels the timer or closes the subscription with the element.
  onTerminate: nothing,
};
