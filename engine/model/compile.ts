/**
 * compile(xml): the only place XML and FEEL text are parsed. Deploy calls it
 * once per version; the runtime only ever sees the resulting graph.
 */
import type { Problem } from '../api';
import { buildProcess } from './build';
import type { ProcessGraph } from './graph';
import { list, str } from './moddle';
import { parseBpmn } from './parse';
import { validate } from './validate';

export type CompileResult = { ok: true; graph: ProcessGraph; warnings: Problem[] } | { ok: false; problems: Problem[] };

export type CompileAllResult = { ok: true; graphs: ProcessGraph[]; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Compiles the first executable process of the file (the one a deployment starts). */
export async function compile(xml: string): Promise<CompileResult> {
  const result = await compileAll(xml);
  if (!result.ok) return result;
  const [graph] = result.graphs;
  if (!graph) return { ok: false, problems: [{ elementId: null, message: 'Expected an executable process, but the file has none' }] };
  return { ok: true, graph, warnings: result.warnings };
}

/** Compiles every executable process of the file (several participants of one collaboration). */
export async function compileAll(xml: string): Promise<CompileAllResult> {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) return parsed;
  const processes = list(parsed.definitions, 'rootElements').filter((element) => element.$type === 'bpmn:Process');
  const executable = processes.filter((process) => process['isExecutable'] === true);
  if (executable.length === 0) {
    const ids = processes.map((process) => str(process, 'id') ?? '?').join(', ');
    return {
      ok: false,
      problems: [
        {
          elementId: processes[0]?.id ?? null,
          message:
            processes.length === 0
              ? 'Expected a bpmn:process, but the file has none'
              : `Expected a process marked executable (isExecutable="true"), but none is: ${ids}`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const graphs: ProcessGraph[] = [];
  for (const process of executable) {
    const draft = buildProcess(process);
    const found = validate(draft);
    if (found.length > 0) problems.push(...found);
    else graphs.push(freeze(draft.graph));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, graphs, warnings: parsed.warnings };
}

function freeze(graph: ProcessGraph): ProcessGraph {
  for (const node of graph.elements.values()) Object.freeze(node);
  for (const flow of graph.flows.values()) Object.freeze(flow);
  return Object.freeze(graph);
}
