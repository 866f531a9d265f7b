import type { Rule } from '../rule';

/** Elements Baton cannot execute yet are named with their kind, so the modeler can say what to change. */
export const unsupportedElement: Rule = ({ unsupported }) =>
  [...unsupported].map(([elementId, kind]) => ({
    elementId,
    message: `Unsupported element: ${kind} is not executed by Baton`,
  }));
