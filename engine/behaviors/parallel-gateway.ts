import { leaveThroughAll, nothing, type Behavior } from './behavior';

/** Forks to every outgoing flow. As a join, the runtime activates it once a token waits on every incoming flow. */
export const parallelGateway: Behavior = {
  onActivate: (context, instance) => context.complete(instance),
  onComplete: leaveThroughAll,
  onTerminate: nothing,
};
