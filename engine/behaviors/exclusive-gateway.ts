import { nothing, type Behavior } from './behavior';
import { conditionHolds, NO_FLOW_MESSAGE } from './conditions';

/** Takes the first flow whose condition is true, in document order, else the default flow. */
export const exclusiveGateway: Behavior = {
  onActivate: (context, instance) => context.complete(instance),
  onComplete(context, instance, node) {
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const holds = conditionHolds(context, instance, flowId);
      if (holds === 'failed') return;
      if (holds) {
        context.takeFlows(instance, [flowId]);
        return;
      }
    }
    if (node.defaultFlowId !== null) {
      context.takeFlows(instance, [node.defaultFlowId]);
      return;
    }
    context.raiseIncident(instance, 'CONDITION_ERROR', NO_FLOW_MESSAGE(node.id));
  },
  onTerminate: nothing,
};
