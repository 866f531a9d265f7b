import type { Targets } from './targets';

/** One line of a section's table. Values are already formatted for reading. */
export interface ResultRow {
  measurement: string;
  /** The headline figure (a rate or a latency). */
  value: string;
  /** Secondary figures: CPU per operation, p95, … */
  detail: string;
  /** What the figure is compared against, measured in the same run. */
  reference: string;
  /** value / reference, or value as % of reference. */
  ratio: string;
  target: string;
  /** 'met' | 'missed' when the row carries a target, '' otherwise. */
  verdict: 'met' | 'missed' | '';
}

export interface SectionResult {
  rows: ResultRow[];
  /** Method and caveats, printed under the table. */
  notes: string[];
}

/**
 * A benchmark. Adding one means adding a module that exports a Section and
 * listing it in sections/index.ts; the runner and the report need no change.
 */
export interface Section {
  /** The flag name used with --only. */
  name: string;
  title: string;
  /** Part of a run without --only. Optional sections run only when named. */
  defaultOn: boolean;
  run(targets: Targets): Promise<SectionResult>;
}

export function row(
  partial: Partial<ResultRow> & Pick<ResultRow, 'measurement' | 'value'>,
): ResultRow {
  return { detail: '', reference: '', ratio: '', target: '', verdict: '', ...partial };
}
