/**
 * XML → moddle tree, with Zeebe's and Baton's extensions. Malformed XML becomes
 * a problem carrying a 1-based line and column.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { Problem } from '../api';
import baton from './baton-moddle.json' with { type: 'json' };

export type ParseResult =
  | { ok: true; definitions: ModdleElement; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export async function parseBpmn(xml: string): Promise<ParseResult> {
  const moddle = BpmnModdle({ zeebe, baton });
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    return {
      ok: true,
      definitions: rootElement,
      warnings: warnings.map((warning) => ({
        elementId: typeof warning.element?.id === 'string' ? warning.element.id : null,
        message: firstLine(warning.message),
      })),
    };
  } catch (error) {
    return { ok: false, problems: [malformed(error)] };
  }
}

function malformed(error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const line = /line: (\d+)/.exec(text);
  const column = /column: (\d+)/.exec(text);
  const nested = /nested error: (.*)/.exec(text);
  const problem: Problem = {
    elementId: null,
    message: `Expected well-formed BPMN XML, but ${nested?.[1] ?? firstLine(text)}`,
  };
  // The XML reader counts from zero; editors count from one.
  if (line?.[1]) problem.line = Number(line[1]) + 1;
  if (column?.[1]) problem.column = Number(column[1]) + 1;
  if (problem.line !== undefined) problem.message += ` at line ${problem.line}, column ${problem.column ?? 1}`;
  return problem;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
