/** Renders a run as Markdown: the same text goes to the terminal and to BENCHMARKS.md. */
import type { Machine } from './machine';
import type { SectionResult } from './section';
import { redact, type Probe } from './targets';

export interface SectionOutcome {
  name: string;
  title: string;
  result: SectionResult | { error: string };
  seconds: number;
}

export interface Run {
  startedAt: Date;
  seconds: number;
  machine: Machine;
  loadAtEnd: string;
  postgres: Probe;
  pgliteServer: string | undefined;
  /** Optional sections this run left out. */
  notRun: readonly string[];
  outcomes: SectionOutcome[];
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function table(result: SectionResult): string[] {
  const lines = [
    '| Measurement | Median | Detail | Compared with | Ratio | Target | |',
    '|---|---:|---|---|---:|---|---|',
  ];
  for (const r of result.rows) {
    const verdict = r.verdict === 'met' ? 'met' : r.verdict === 'missed' ? '**missed**' : '';
    lines.push(
      `| ${[r.measurement, r.value, r.detail, r.reference, r.ratio, r.target, verdict].map(cell).join(' | ')} |`,
    );
  }
  return lines;
}

export function renderSection(outcome: SectionOutcome, number: number): string {
  const lines = [
    `## ${number}. ${outcome.title}`,
    '',
    `Section \`${outcome.name}\`, ${outcome.seconds.toFixed(0)} s.`,
    '',
  ];
  if ('error' in outcome.result) {
    lines.push(`**Failed:** ${outcome.result.error}`);
  } else {
    if (outcome.result.rows.length > 0) lines.push(...table(outcome.result), '');
    for (const note of outcome.result.notes) lines.push(`- ${note}`);
  }
  return lines.join('\n');
}

export function renderRun(run: Run): string {
  const { machine: m, postgres } = run;
  const header = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${run.startedAt.toISOString()}; do not edit by hand, run it again.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu}, ${m.cores} cores available |`,
    `| Memory | ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| PostgreSQL | ${postgres.ok ? `${postgres.version} at ${redact(postgres.url)}` : `not reachable at ${redact(postgres.url)} (${postgres.reason})`} |`,
    `| PGlite | @electric-sql/pglite ${m.pglite}${run.pgliteServer ? ` (PostgreSQL ${run.pgliteServer} inside)` : ''} |`,
    `| bpmn-engine | ${m.bpmnEngine} |`,
    `| drizzle-orm | ${m.drizzle} |`,
    `| Commit | ${m.commit} |`,
    `| Load average (1/5/15 min) at start | ${m.loadAtStart} |`,
  ].join('\n');
  const sections = run.outcomes.map((outcome, i) => renderSection(outcome, i + 1));
  return [
    header,
    `| Load average at end | ${run.loadAtEnd} |`,
    `| Sections | ${run.outcomes.map((o) => o.name).join(', ')} in ${run.seconds.toFixed(0)} s${run.notRun.length > 0 ? `; not run: ${run.notRun.join(', ')} (\`--only\` or \`--all\`)` : ''} |`,
    '',
    'A load average near or above the core count means other work shared the machine and the figures are noisy; compare ratios within one run, not absolute figures across runs.',
    '',
    ...sections.flatMap((text) => [text, '']),
    '## How to reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench                                # every default section, writes BENCHMARKS.md',
    'npm run bench -- --only engine,authority     # some sections only',
    'npm run bench -- --only timers               # an optional section (not in the default run)',
    'npm run bench -- --all                       # every section, optional ones included',
    'npm run bench -- --no-write                  # print, leave BENCHMARKS.md alone',
    'DATABASE_URL=postgres://user:pw@host:5432/db npm run bench   # another PostgreSQL server',
    '```',
    '',
    'PostgreSQL: the run connects to `DATABASE_URL`, or to `postgres://postgres@localhost:5432/test` when it is unset, creates a fresh database there for the run and drops it afterwards (the user needs CREATEDB); when the server does not answer, the PostgreSQL rows are left out and the report says why. PGlite runs in memory. The designer section serves the existing production build (`npm run build` first; the bench never builds) with `next start` and drives the system Chromium (`/usr/bin/chromium` when present) through Playwright. Run on an otherwise idle machine; the code is in `bench/` (one module per section in `bench/sections/`).',
    '',
  ].join('\n');
}
