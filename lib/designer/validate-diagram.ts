import type { Problem } from '@/engine/api';
import { compile } from '@/engine/model';

export interface Validation {
  ok: boolean;
  problems: Problem[];
  warnings: Problem[];
}

/** What the engine thinks of a diagram: every problem at once, by element id. */
export async function validateDiagram(xml: string): Promise<Validation> {
  const result = await compile(xml);
  return result.ok
    ? { ok: true, problems: [], warnings: result.warnings }
    : { ok: false, problems: result.problems, warnings: [] };
}
