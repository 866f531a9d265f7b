import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/**
 * Event sub-processes start on exactly one timer, message, signal, error or
 * escalation start event and are not connected by flows; error, timer and message starts belong only
 * in event sub-processes, except timer and message starts of the process itself.
 */
export const eventSubProcesses: Rule = ({ graph, unsupported }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    if (node.triggeredByEvent) {
      if (node.incoming.length > 0 || node.outgoing.length > 0) {
        problems.push({
          elementId: node.id,
          message:
            'Expected an event sub-process to have no incoming or outgoing sequence flows, but it has some',
        });
      }
      const starts = node.children.filter((id) => graph.elements.get(id)?.kind === 'startEvent');
      const triggered = starts.filter((id) => graph.elements.get(id)?.eventDefinition !== null);
      if (starts.length !== 1 || triggered.length !== 1) {
        problems.push({
          elementId: node.id,
          message: `Expected an event sub-process to have exactly one timer, message, signal, error or escalation start event, but it has ${starts.length} start event(s), ${triggered.length} with a trigger`,
        });
      }
      if (node.multiInstance !== null)
        problems.push({
          elementId: node.id,
          message:
            'Expected an event sub-process without multi-instance, but it has loop characteristics',
        });
    }
    if (
      node.kind !== 'startEvent' ||
      unsupported.has(node.id) ||
      node.eventDefinition === null ||
      node.scopeId === null
    )
      continue;
    const scope = graph.elements.get(node.scopeId);
    const type = node.eventDefinition.type;
    if (scope?.triggeredByEvent) {
      if (type === 'error' && !node.interrupting)
        problems.push({
          elementId: node.id,
          message: 'Expected an error start event to interrupt, but it is non-interrupting',
        });
      continue;
    }
    if (type === 'error' || type === 'escalation' || scope?.kind !== 'process') {
      problems.push({
        elementId: node.id,
        message: `Expected ${type === 'error' || type === 'escalation' ? 'an' : 'a'} ${type} start event in an event sub-process${type === 'error' || type === 'escalation' ? '' : ' or at the process level'}, but it is in '${node.scopeId}'`,
      });
    }
  }
  return problems;
};
