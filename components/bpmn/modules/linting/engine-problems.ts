export interface EngineProblem {
  elementId: string | null;
  message: string;
}

/**
 * The engine's latest verdict on the diagram, held where the lint rule below
 * can read it: the server answers asynchronously, bpmnlint rules run
 * synchronously, and routing both through bpmnlint puts engine problems and
 * lint issues on the canvas and in the problems list the same way.
 */
export class EngineProblems {
  private byElement = new Map<string, string[]>();
  private general: string[] = [];

  set(problems: readonly EngineProblem[]): void {
    this.byElement = new Map();
    this.general = [];
    for (const problem of problems) {
      if (problem.elementId === null) {
        this.general.push(problem.message);
        continue;
      }
      const messages = this.byElement.get(problem.elementId) ?? [];
      messages.push(problem.message);
      this.byElement.set(problem.elementId, messages);
    }
  }

  forElement(id: string): readonly string[] {
    return this.byElement.get(id) ?? [];
  }

  /** Problems that concern the whole diagram, or elements no longer in it. */
  unplaced(presentIds: ReadonlySet<string>): string[] {
    const stale = [...this.byElement.entries()]
      .filter(([id]) => !presentIds.has(id))
      .flatMap(([id, messages]) => messages.map((message) => `${id}: ${message}`));
    return [...this.general, ...stale];
  }
}

interface LintNode {
  $type: string;
  id?: string;
}

interface Reporter {
  report(id: string, message: string): void;
}

/**
 * A bpmnlint rule reporting the engine's compile problems at their elements.
 * Problems without an element (or whose element is gone) are reported on the
 * definitions, which bpmn-js-bpmnlint shows at the root.
 */
export function engineProblemsRule(problems: EngineProblems) {
  return () => {
    const seen = new Set<string>();
    return {
      check: {
        enter(node: LintNode, reporter: Reporter) {
          if (!node.id) return;
          if (node.$type === 'bpmn:Definitions') {
            seen.clear();
            return;
          }
          seen.add(node.id);
          for (const message of problems.forElement(node.id)) reporter.report(node.id, message);
        },
        leave(node: LintNode, reporter: Reporter) {
          if (node.$type !== 'bpmn:Definitions') return;
          for (const message of problems.unplaced(seen)) reporter.report(node.id ?? '', message);
        },
      },
    };
  };
}
