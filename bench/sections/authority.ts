/**
 * Authority: one approval resolution at a time for a requester at the bottom
 * of a 10,000-person, 12-level org chart stored in the employees table, the
 * org chart read from the database for every resolution through the
 * Directory port. The request exceeds every limit but the head's, so each
 * resolution walks the whole chain (11 managers). nextApproverAsync, which
 * the engine calls when each approval step starts, runs this same resolution.
 */
import type { Database } from '@/db/client';
import {
  resolveApprovalAsync,
  type ApprovalRequest,
  type ApprovalResolution,
} from '@/engine/authority';
import { millis } from '../support/format';
import { latency, median, type Latency } from '../support/measure';
import {
  generateOrgChart,
  LEVELS,
  PEOPLE,
  seedOrgChart,
  seeded,
  type OrgChart,
} from '../support/org-chart';
import { createSqlDirectory } from '../support/sql-directory';
import { row, type ResultRow, type Section } from '../support/section';

const TARGET_P95_MS = 5;
const CHAIN = { warmup: 200, samples: 2000 };
const PERSON_BY_PERSON = { warmup: 50, samples: 500 };
/** One million dollars: above every limit except the head's unlimited one. */
const AMOUNT = 100_000_000;

function requestFor(requesterId: string): ApprovalRequest {
  return {
    requesterId,
    amount: {
      minor: AMOUNT,
      currency: 'USD',
      original: { minor: AMOUNT, currency: 'USD' },
      rate: null,
    },
    policy: 'chain',
    selfAuthority: true,
    fallbackApprover: { kind: 'group', id: 'finance' },
    at: Date.now(),
  };
}

interface Measured {
  latency: Latency;
  outcomes: Map<string, number>;
  steps: number[];
}

async function measure(
  db: Database,
  chart: OrgChart,
  chainQuery: boolean,
  plan: { warmup: number; samples: number },
): Promise<Measured> {
  const directory = createSqlDirectory(db, { chainQuery });
  const random = seeded(chainQuery ? 7 : 11);
  const requesters = Array.from(
    { length: plan.warmup + plan.samples },
    () => chart.bottom[Math.floor(random() * chart.bottom.length)]!,
  );
  const outcomes = new Map<string, number>();
  const steps: number[] = [];
  const record = (resolution: ApprovalResolution) => {
    outcomes.set(resolution.outcome, (outcomes.get(resolution.outcome) ?? 0) + 1);
    if (resolution.outcome === 'chain') steps.push(resolution.steps.length);
  };
  const result = await latency(
    async (i) => {
      const resolution = await resolveApprovalAsync(requestFor(requesters[i]!), directory);
      if (i >= plan.warmup) record(resolution);
    },
    plan.warmup,
    plan.samples,
  );
  return { latency: result, outcomes, steps };
}

function rowsFor(
  label: string,
  chain: Measured,
  personByPerson: Measured,
  gate: boolean,
): ResultRow[] {
  const describe = (m: Measured) =>
    `p95 ${millis(m.latency.p95Ms)}, max ${millis(m.latency.maxMs)}; ${median(m.steps)} approvers (median), ${[...m.outcomes].map(([k, v]) => `${v} ${k}`).join(', ')}`;
  return [
    row({
      measurement: `${label}: resolveApprovalAsync, getManagerChain as one recursive query`,
      value: `${millis(chain.latency.medianMs)} median`,
      detail: describe(chain),
      reference: 'person by person, below',
      ratio: `${(personByPerson.latency.medianMs / chain.latency.medianMs).toFixed(1)}× faster`,
      target: gate ? `p95 < ${TARGET_P95_MS} ms` : '',
      verdict: gate ? (chain.latency.p95Ms < TARGET_P95_MS ? 'met' : 'missed') : '',
    }),
    row({
      measurement: `${label}: resolveApprovalAsync, person by person (no getManagerChain)`,
      value: `${millis(personByPerson.latency.medianMs)} median`,
      detail: describe(personByPerson),
    }),
  ];
}

async function onDatabase(
  db: Database,
  chart: OrgChart,
  label: string,
  gate: boolean,
): Promise<ResultRow[]> {
  await seedOrgChart(db, chart);
  const chain = await measure(db, chart, true, CHAIN);
  const personByPerson = await measure(db, chart, false, PERSON_BY_PERSON);
  return rowsFor(label, chain, personByPerson, gate);
}

export const authoritySection: Section = {
  name: 'authority',
  title: `Authority: approval chain in a ${PEOPLE.toLocaleString('en-US')}-person, ${LEVELS}-level org chart read from the database`,
  defaultOn: true,
  async run(targets) {
    const chart = generateOrgChart();
    const notes = [
      `Org chart: ${PEOPLE.toLocaleString('en-US')} people on ${LEVELS} levels (seeded, identical every run), limits halving per level, 1% inactive, 0.5% delegating; requesters drawn from the bottom level; amount 1,000,000.00 USD, policy chain.`,
      `Per resolution: version() and getManagerChain() in parallel, then getPerson() for anyone not in the chain (delegates); no cache, so every resolution reads the database. ${CHAIN.samples} resolutions after ${CHAIN.warmup} warm-up (person by person: ${PERSON_BY_PERSON.samples} after ${PERSON_BY_PERSON.warmup}).`,
      'The Directory adapter is bench/support/sql-directory.ts (drizzle on the employees table); the app has none yet, so this is the adapter the engine would be given.',
    ];
    const rows: ResultRow[] = [];
    const postgres = await targets.postgres();
    if ('unavailable' in postgres) {
      notes.push(`PostgreSQL rows are missing: ${postgres.unavailable}.`);
    } else {
      rows.push(...(await onDatabase(postgres.handle.db, chart, 'PostgreSQL', true)));
    }
    const pglite = await targets.pglite();
    rows.push(...(await onDatabase(pglite.db, chart, 'PGlite', false)));
    return { rows, notes };
  },
};
