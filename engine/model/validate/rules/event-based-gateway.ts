import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/** An event-based gateway leads to at least two timer/message catch events or receive tasks, each reached only from it. */
export const eventBasedGateway: Rule = ({ graph }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    if (node.kind !== 'eventBasedGateway') continue;
    if (node.outgoing.length < 2) {
      problems.push({
        elementId: node.id,
        message: `Expected an event-based gateway to have at least two outgoing flows, but it has ${node.outgoing.length}`,
      });
    }
    for (const flowId of node.outgoing) {
      const flow = graph.flows.get(flowId);
      const target = flow ? graph.elements.get(flow.targetId) : undefined;
      if (flow?.condition)
        problems.push({
          elementId: flowId,
          message: 'Expected no condition on a flow leaving an event-based gateway, but it has one',
        });
      if (!target) continue;
      const catches =
        target.kind === 'receiveTask' ||
        (target.kind === 'intermediateCatchEvent' &&
          (target.eventDefinition?.type === 'timer' || target.eventDefinition?.type === 'message' || target.eventDefinition?.type === 'signal'));
      if (!catches) {
        problems.push({
          elementId: node.id,
          message: `Expected the event-based gateway to lead to timer or message catch events or receive tasks, but '${target.id}' is a ${target.type}`,
        });
      } else if (target.incoming.length > 1) {
        problems.push({
          elementId: target.id,
          message: `Expected '${target.id}' after an event-based gateway to have one incoming flow, but it has ${target.incoming.length}`,
        });
      }
    }
  }
  return problems;
};
