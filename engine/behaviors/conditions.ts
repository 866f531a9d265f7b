import { describe } from '../expressions';
import type { ElementInstance } from '../runtime/types';
import type { BehaviorContext } from './behavior';

export const NO_FLOW_MESSAGE = (gatewayId: string): string =>
  `Expected at least one condition to evaluate to true, or to have a default flow, but no outgoing flow of '${gatewayId}' can be taken`;

/** Evaluates a flow's condition; a flow without one always holds. 'failed' means an incident was raised. */
export function conditionHolds(context: BehaviorContext, instance: ElementInstance, flowId: string): boolean | 'failed' {
  const condition = context.graph.flows.get(flowId)?.condition;
  if (!condition) return true;
  const result = context.evaluate(instance, condition, `the condition of flow '${flowId}'`);
  if (!result.ok) {
    context.raiseIncident(instance, 'CONDITION_ERROR', result.message);
    return 'failed';
  }
  if (typeof result.value !== 'boolean') {
    context.raiseIncident(
      instance,
      'CONDITION_ERROR',
      `Expected the condition '${condition.source}' of flow '${flowId}' to evaluate to a boolean, but it was ${describe(result.value)}`,
    );
    return 'failed';
  }
  return result.value;
}
