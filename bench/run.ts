/**
 * `npm run bench`: runs the benchmarks, prints each section's table as it
 * finishes, and writes the whole report to BENCHMARKS.md.
 *
 *   --only a,b   run only these sections (see the list with --help)
 *   --all        run every section, the optional ones too
 *   --no-write   print only; leave BENCHMARKS.md as it is
 */
import { writeFileSync } from 'node:fs';
import { sections } from './sections';
import { describeMachine, loadAverage } from './support/machine';
import { renderRun, renderSection, type SectionOutcome } from './support/report';
import { createTargets, DEFAULT_POSTGRES_URL, probePostgres, redact } from './support/targets';

const REPORT = new URL('../BENCHMARKS.md', import.meta.url);

function parseArgs(argv: readonly string[]): {
  only: string[] | null;
  write: boolean;
  help: boolean;
} {
  let only: string[] | null = null;
  const all = () => sections.map((s) => s.name);
  let write = true;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only='))
      only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--all') only = all();
    else if (arg === '--no-write') write = false;
    else if (arg === '--help' || arg === '-h') help = true;
    else
      throw new Error(
        `Expected --only <sections>, --all, --no-write or --help, but got '${arg}' (see --help)`,
      );
  }
  return { only, write, help };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('npm run bench [-- --only <names> | --all] [--no-write]\n\nSections:');
    for (const s of sections)
      console.log(`  ${s.name.padEnd(10)} ${s.defaultOn ? '' : '(optional) '}${s.title}`);
    return 0;
  }
  const unknown = (args.only ?? []).filter((name) => !sections.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Expected sections among ${sections.map((s) => s.name).join(', ')}, but got ${unknown.join(', ')}`,
    );
  }
  const chosen = args.only
    ? sections.filter((s) => args.only!.includes(s.name))
    : sections.filter((s) => s.defaultOn);

  const startedAt = new Date();
  const machine = describeMachine();
  const probe = await probePostgres(process.env.DATABASE_URL || DEFAULT_POSTGRES_URL);
  console.log(`Baton benchmarks: ${chosen.map((s) => s.name).join(', ')}`);
  console.log(
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAtStart}`,
  );
  console.log(
    probe.ok
      ? `PostgreSQL ${probe.version} at ${redact(probe.url)}`
      : `PostgreSQL not reachable at ${redact(probe.url)}: ${probe.reason}`,
  );

  const targets = createTargets(probe);
  const outcomes: SectionOutcome[] = [];
  try {
    for (const section of chosen) {
      console.log(`\n… ${section.name}`);
      const began = performance.now();
      let result: SectionOutcome['result'];
      try {
        result = await section.run(targets);
      } catch (error) {
        result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      const outcome = {
        name: section.name,
        title: section.title,
        result,
        seconds: (performance.now() - began) / 1000,
      };
      outcomes.push(outcome);
      console.log(`\n${renderSection(outcome, outcomes.length)}`);
    }
  } finally {
    await targets.close();
  }

  const report = renderRun({
    startedAt,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    loadAtEnd: loadAverage(),
    postgres: probe,
    pgliteServer: targets.learnt.pgliteServer,
    notRun: sections.filter((s) => !chosen.includes(s)).map((s) => s.name),
    outcomes,
  });
  if (args.write) {
    writeFileSync(REPORT, report);
    console.log(`\nWrote ${REPORT.pathname}`);
  }
  return outcomes.some((o) => 'error' in o.result) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
