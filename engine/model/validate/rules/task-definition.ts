import type { Problem } from '../../../api';
import type { Rule } from '../rule';

/** Tasks that hand work to someone else must say to whom: a job type, a script, a called process. */
export const taskDefinition: Rule = ({ graph }) => {
  const problems: Problem[] = [];
  for (const node of graph.elements.values()) {
    const { zeebe } = node;
    if ((node.kind === 'serviceTask' || node.kind === 'sendTask') && !zeebe.taskDefinition) {
      problems.push({ elementId: node.id, message: `Expected the ${node.kind === 'serviceTask' ? 'service' : 'send'} task to have a zeebe:taskDefinition with a type, but it has none` });
    }
    if (node.kind === 'scriptTask' && !zeebe.script && !zeebe.taskDefinition) {
      problems.push({ elementId: node.id, message: 'Expected the script task to have a zeebe:script expression or a zeebe:taskDefinition, but it has neither' });
    }
    if (node.kind === 'scriptTask' && zeebe.script?.expression.kind === 'literal') {
      problems.push({ elementId: node.id, message: `Expected the script to be a FEEL expression starting with '=', but it is '${zeebe.script.expression.source}'` });
    }
    if (node.kind === 'scriptTask' && zeebe.script && !zeebe.script.resultVariable) {
      problems.push({ elementId: node.id, message: 'Expected the script task to name a result variable, but it has none' });
    }
    if (node.kind === 'callActivity' && !zeebe.calledElement) {
      problems.push({ elementId: node.id, message: 'Expected the call activity to have a zeebe:calledElement with a processId, but it has none' });
    }
  }
  return problems;
};
