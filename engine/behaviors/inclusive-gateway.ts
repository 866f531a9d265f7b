import { nothing, type Behavior } from './behavior';
import { conditionHolds, NO_FLOW_MESSAGE } from './conditions';

/**
 * Takes every flow whose condition is true, else the default flow. As a join
 * (several incoming flows) the runtime activates it only once no other token
 * of the scope can still reach it.
 */
export const inclusiveGateway: Behavior = {
  onActivate: (context, instance) => context.complete(instance),
  onComplete(context, instance, node) {
    const taken: string[] = [];
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const holds = conditionHolds(context, instance, flowId);
      if (holds === 'failed') return;
      if (holds) taken.push(flowId);
    }
    if (taken.length === 0 && node.defaultFlowId !== null) taken.push(node.defaultFlowId);
    if (taken.length === 0) {
      context.raiseIncident(instance, 'CONDITION_ERROR', NO_FLOW_MESSAGE(node.id));
      return;
    }
    context.takeFlows(instance, taken);
  },
  onTerminate: nothing,
};
