import type { Problem } from '../../../api';
import type { ElementKind, ElementNode, ProcessGraph } from '../../graph';
import type { Rule } from '../rule';

/**
 * A cycle without a wait state and without a gateway that can leave it would
 * spin forever: reject it at deploy. Cycles that can exit on a condition are
 * valid; the runtime's step bound guards them.
 */
export const endlessLoop: Rule = ({ graph }) => {
  const problems: Problem[] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const nodes = component.map((id) => graph.elements.get(id)).filter((node): node is ElementNode => node !== undefined);
    if (nodes.some((node) => waits(graph, node))) continue;
    const canLeave = nodes.some(
      (node) =>
        (node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway') &&
        node.outgoing.some((flowId) => {
          const target = graph.flows.get(flowId)?.targetId;
          return target !== undefined && !members.has(target);
        }),
    );
    if (canLeave) continue;
    const first = component[0] ?? null;
    problems.push({
      elementId: first,
      message: `Expected a way out of the cycle ${component.join(' → ')}, but it has no wait state and no conditional exit, so it would never end`,
    });
  }
  return problems;
};

const WAIT_STATES: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'userTask',
  'serviceTask',
  'sendTask',
  'callActivity',
  'receiveTask',
  'intermediateCatchEvent',
  'eventBasedGateway',
]);

/** Elements where a token rests until something outside the step happens. */
function waits(graph: ProcessGraph, node: ElementNode): boolean {
  if (WAIT_STATES.has(node.kind)) return true;
  if ((node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent') && node.eventDefinition?.type === 'message') return true;
  if (node.kind === 'scriptTask') return node.zeebe.taskDefinition !== null;
  if (node.kind === 'subProcess') {
    return node.children.some((id) => {
      const child = graph.elements.get(id);
      return child !== undefined && waits(graph, child);
    });
  }
  return false;
}

/** Tarjan's algorithm over the flow graph; returns components that are cycles (size > 1, or a self-loop). */
function stronglyConnected(graph: ProcessGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const successors = (id: string): string[] =>
    (graph.elements.get(id)?.outgoing ?? []).flatMap((flowId) => {
      const target = graph.flows.get(flowId)?.targetId;
      return target && graph.elements.has(target) ? [target] : [];
    });

  const connect = (root: string): void => {
    // Iterative, so deep diagrams cannot overflow the call stack.
    const work: { id: string; next: number; targets: string[] }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: successors(id) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number; targets: string[] };
      const target = frame.targets[frame.next];
      if (target !== undefined) {
        frame.next += 1;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.unshift(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && successors(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  };

  for (const id of graph.elements.keys()) if (!index.has(id)) connect(id);
  return components;
}
