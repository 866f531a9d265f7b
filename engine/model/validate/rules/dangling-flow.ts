import type { Rule } from '../rule';

/** A sequence flow must connect two elements of the same scope. */
export const danglingFlow: Rule = ({ graph, danglingFlows }) => {
  const problems = danglingFlows.map((elementId) => ({
    elementId,
    message: 'Expected the sequence flow to connect a source and a target element, but one of them is missing',
  }));
  for (const flow of graph.flows.values()) {
    const source = graph.elements.get(flow.sourceId);
    const target = graph.elements.get(flow.targetId);
    if (source && target && source.scopeId !== target.scopeId) {
      problems.push({
        elementId: flow.id,
        message: `Expected the sequence flow to stay inside one scope, but it goes from '${source.id}' to '${target.id}' across a sub-process boundary`,
      });
    }
  }
  return problems;
};
