import { leaveThroughAll, nothing, type Behavior } from './behavior';

/** Manual and undefined tasks: nothing for the engine to do, the token moves on. */
export const passThrough: Behavior = {
  onActivate: (context, instance) => context.complete(instance),
  onComplete: leaveThroughAll,
  onTerminate: nothing,
};
