import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/**
 * A compensation boundary event is linked by an association to its handler,
 * an activity outside the normal flow; a compensation throw names an activity
 * that can be compensated, or none for the whole scope.
 */
export const compensation: Rule = ({ graph }) => {
  const problems: Problem[] = [];
  const handlers = new Set(graph.compensationHandlers.values());
  for (const node of graph.elements.values()) {
    const definition = node.eventDefinition;
    if (definition?.type !== 'compensate') continue;
    if (node.kind === 'boundaryEvent') {
      if (node.attachedToId === null || !graph.compensationHandlers.has(node.attachedToId)) {
        problems.push({
          elementId: node.id,
          message:
            'Expected the compensation boundary event to be associated with a compensation handler activity, but it has none',
        });
      }
      if (node.outgoing.length > 0)
        problems.push({
          elementId: node.id,
          message:
            'Expected a compensation boundary event to have no outgoing sequence flow, but it has one',
        });
      continue;
    }
    if (definition.activityRef !== null) {
      const activity = graph.elements.get(definition.activityRef);
      if (!activity || !graph.compensationHandlers.has(activity.id)) {
        problems.push({
          elementId: node.id,
          message: `Expected the compensated activity '${definition.activityRef}' to have a compensation handler, but it has none`,
        });
      } else if (activity.scopeId !== node.scopeId) {
        problems.push({
          elementId: node.id,
          message: `Expected the compensated activity '${activity.id}' to be in the same scope as the throw event, but it is in '${activity.scopeId ?? ''}'`,
        });
      }
    }
  }
  for (const handlerId of handlers) {
    const handler = graph.elements.get(handlerId);
    if (handler && (handler.incoming.length > 0 || handler.outgoing.length > 0)) {
      problems.push({
        elementId: handlerId,
        message: 'Expected a compensation handler to have no sequence flows, but it has some',
      });
    }
  }
  return problems;
};
