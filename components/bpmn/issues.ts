/** One problem shown in the problems list: from the engine, or from a bpmnlint rule. */
export interface DiagramIssue {
  /** The element it is shown at (the diagram root for general problems). */
  elementId: string;
  elementName: string | null;
  message: string;
  category: 'error' | 'warn' | 'info';
  /** 'baton/engine' for the engine's compile problems, else the bpmnlint rule. */
  rule: string;
}

export function isEngineIssue(issue: DiagramIssue): boolean {
  return issue.rule === 'baton/engine';
}
