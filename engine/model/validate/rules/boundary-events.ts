import type { Problem } from '../../../api';
import type { ElementKind } from '../../graph';
import type { Rule } from '../rule';

const ACTIVITIES: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'userTask',
  'serviceTask',
  'sendTask',
  'scriptTask',
  'receiveTask',
  'manualTask',
  'task',
  'subProcess',
  'callActivity',
]);

/** A boundary event sits on an activity of its own scope, catches something, and has no incoming flow. */
export const boundaryEvents: Rule = ({ graph, unsupported }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    if (node.kind !== 'boundaryEvent' || unsupported.has(node.id)) continue;
    const host = node.attachedToId === null ? undefined : graph.elements.get(node.attachedToId);
    if (!host || !ACTIVITIES.has(host.kind) || host.triggeredByEvent) {
      problems.push({
        elementId: node.id,
        message: `Expected the boundary event to be attached to an activity, but it is attached to ${host ? `'${host.id}' (${host.type})` : 'nothing'}`,
      });
    }
    if (node.incoming.length > 0)
      problems.push({
        elementId: node.id,
        message: 'Expected a boundary event to have no incoming sequence flow, but it has one',
      });
    if (node.eventDefinition?.type === 'escalation' && host && host.kind !== 'subProcess') {
      problems.push({
        elementId: node.id,
        message: `Expected an escalation boundary event on a sub-process, but it is on '${host.id}' (${host.type})`,
      });
    }
    if (node.eventDefinition?.type === 'error' && !node.interrupting) {
      problems.push({
        elementId: node.id,
        message:
          'Expected an error boundary event to interrupt its activity, but it is non-interrupting',
      });
    }
  }
  return problems;
};
