import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/** Every message an instance waits for needs a correlation key (zeebe:subscription), so a message finds its instance. */
export const messageCorrelation: Rule = ({ graph, unsupported }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    if (unsupported.has(node.id) || node.eventDefinition?.type !== 'message') continue;
    const catches =
      node.kind === 'receiveTask' ||
      node.kind === 'intermediateCatchEvent' ||
      node.kind === 'boundaryEvent' ||
      (node.kind === 'startEvent' && node.scopeId !== graph.processId);
    if (catches && node.eventDefinition.message.correlationKey === null) {
      problems.push({
        elementId: node.id,
        message:
          'Expected a correlation key (zeebe:subscription correlationKey) on the message, but it has none',
      });
    }
    const sends = node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent';
    if (sends && node.zeebe.taskDefinition === null) {
      problems.push({
        elementId: node.id,
        message:
          'Expected a message throw event to have a job type (zeebe:taskDefinition), like a send task, but it has none',
      });
    }
  }
  return problems;
};
