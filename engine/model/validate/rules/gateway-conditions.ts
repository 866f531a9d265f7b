import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/**
 * Out of an exclusive or inclusive gateway that branches, every flow needs a
 * condition or must be the default; elsewhere conditions are not evaluated, so
 * they are rejected rather than silently ignored.
 */
export const gatewayConditions: Rule = ({ graph }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    const decides = node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway';
    if (node.defaultFlowId !== null && !node.outgoing.includes(node.defaultFlowId)) {
      problems.push({ elementId: node.id, message: `Expected the default flow '${node.defaultFlowId}' to be an outgoing flow of '${node.id}', but it is not` });
    }
    for (const flowId of node.outgoing) {
      const flow = graph.flows.get(flowId);
      if (!flow) continue;
      if (decides && node.outgoing.length > 1 && flow.condition === null && !flow.isDefault) {
        problems.push({
          elementId: flow.id,
          message: `Expected the flow out of ${node.kind === 'exclusiveGateway' ? 'exclusive' : 'inclusive'} gateway '${node.id}' to have a condition or to be its default flow, but it has neither`,
        });
      }
      if (!decides && flow.condition !== null) {
        problems.push({
          elementId: flow.id,
          message: `Expected conditions only on flows out of exclusive or inclusive gateways, but this flow out of '${node.id}' has '${flow.condition.source}'`,
        });
      }
    }
  }
  return problems;
};
