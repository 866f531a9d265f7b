import { leaveThroughAll, nothing, type Behavior } from './behavior';

/** A none start event passes the token straight on. */
export const startEvent: Behavior = {
  onActivate: (context, instance) => context.complete(instance),
  onComplete: leaveThroughAll,
  onTerminate: nothing,
};
