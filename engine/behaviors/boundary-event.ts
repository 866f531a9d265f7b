import { leaveThroughAll, nothing, type Behavior } from './behavior';

/**
 * A boundary event is only ever activated by its trigger (error, timer,
 * message) on the activity it is attached to; the runtime has already ended
 * that activity if the event interrupts. It takes what the trigger carried and
 * moves on.
 */
export const boundaryEvent: Behavior = {
  onActivate(context, instance) {
    context.takeTrigger(instance);
    context.complete(instance);
  },
  onComplete: leaveThroughAll,
  onTerminate: nothing,
};
