import type { Rule } from '../rule';

/** The process and every embedded sub-process need a none start event to be started. */
export const startEvent: Rule = ({ graph, unsupported }) => {
  const problems = [];
  for (const node of graph.elements.values()) {
    if (node.kind !== 'process' && node.kind !== 'subProcess') continue;
    if (unsupported.has(node.id)) continue;
    const hasOtherStart = node.children.some((id) => graph.elements.get(id)?.kind === 'startEvent' || unsupported.get(id)?.startsWith('bpmn:StartEvent'));
    if (node.startEventId === null && !hasOtherStart) {
      problems.push({
        elementId: node.id,
        message: `Expected ${node.kind === 'process' ? 'the process' : 'the sub-process'} to have a start event, but it has none`,
      });
    }
    const starts = node.children.filter((id) => {
      const child = graph.elements.get(id);
      return child?.kind === 'startEvent' && child.eventDefinition === null;
    });
    if (starts.length > 1) {
      problems.push({ elementId: node.id, message: `Expected at most one none start event, but there are ${starts.length}: ${starts.join(', ')}` });
    }
  }
  return problems;
};
