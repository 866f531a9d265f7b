/**
 * Timers: 10,000 timers due at the same instant on PostgreSQL, fired by 1 and
 * then by 2 separate worker processes (Baton's worker with its defaults).
 * Each timer ends its instance in the transaction that fires it, so the
 * instance's ended_at is the firing time.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { createEngine, createPostgresStore } from '@/engine';
import { millis, rate } from '../support/format';
import { percentile } from '../support/measure';
import { row, type ResultRow, type Section } from '../support/section';

const TIMERS = 10_000;
const CREATORS = 4;
const XML = readFileSync(new URL('../fixtures/timer-wait.bpmn', import.meta.url), 'utf8');
const WORKER = fileURLToPath(new URL('../support/timer-worker.ts', import.meta.url));

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function createWaitingInstances(db: Database, round: string): Promise<void> {
  const engine = createEngine({ store: createPostgresStore(db) });
  await engine.deploy(XML);
  let next = 0;
  const creator = async () => {
    while (next < TIMERS) {
      next++;
      await engine.start('timer-wait', { businessKey: round });
    }
  };
  await Promise.all(Array.from({ length: CREATORS }, creator));
}

function startWorker(url: string, id: string) {
  const child = fork(WORKER, [url, id], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) =>
      reject(new Error(`Expected the worker to start, but it exited with ${code}`)),
    );
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

interface Firing {
  perSecond: number;
  p95Ms: number;
  medianMs: number;
  seconds: number;
}

async function fire(db: Database, url: string, workers: number): Promise<Firing> {
  // Rounds share the database; the business key tells this round's instances apart.
  const round = `timers-${workers}`;
  await createWaitingInstances(db, round);
  const started = Array.from({ length: workers }, (_, i) =>
    startWorker(url, `bench-timers-${i + 1}`),
  );
  await Promise.all(started.map((worker) => worker.ready));
  try {
    // Every timer becomes due at this one instant, with the workers already polling.
    const [due] = rowsOf<{ due: string }>(
      await db.execute(sql`update timers set due_at = now() returning due_at::text as due`),
    );
    if (!due) throw new Error('Expected waiting timers, but there were none');
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const [left] = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from process_instances where business_key = ${round} and ended_at is null`,
        ),
      );
      if (left?.n === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `Expected every timer to fire within 10 minutes, but ${left?.n} are waiting`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const delays = rowsOf<{ ms: number }>(
      await db.execute(
        sql`select extract(epoch from (ended_at - ${due.due}::timestamptz)) * 1000 as ms from process_instances where business_key = ${round}`,
      ),
    ).map((r) => Number(r.ms));
    const last = Math.max(...delays);
    return {
      perSecond: (delays.length * 1000) / last,
      p95Ms: percentile(delays, 95),
      medianMs: percentile(delays, 50),
      seconds: last / 1000,
    };
  } finally {
    await Promise.all(started.map((worker) => worker.stop()));
  }
}

export const timersSection: Section = {
  name: 'timers',
  title: `Timers: ${TIMERS.toLocaleString('en-US')} timers due at once on PostgreSQL, 1 and 2 worker processes`,
  // Minutes of setup and firing: run it with --only timers (or --all), outside the default five-minute run.
  defaultOn: false,
  async run(targets) {
    const notes = [
      `Setup: ${TIMERS.toLocaleString('en-US')} instances of start → timer (P1D) → end, started through the engine (${CREATORS} concurrent callers), then one UPDATE makes every timer due at the same instant while the workers are already polling.`,
      'Workers: separate Node processes (bench/support/timer-worker.ts), createWorker with timers on and its default batch size, poll interval and lease; firing a timer ends its instance in the same transaction, so ended_at is the firing time.',
      'Delay: ended_at − due time per timer; rate: timers ÷ time until the last one fired.',
    ];
    const postgres = await targets.postgres();
    if ('unavailable' in postgres)
      return { rows: [], notes: [...notes, `Not measured: ${postgres.unavailable}.`] };
    const url = postgres.url;
    const rows: ResultRow[] = [];
    const results: Firing[] = [];
    for (const workers of [1, 2]) {
      const result = await fire(postgres.handle.db, url, workers);
      results.push(result);
      rows.push(
        row({
          measurement: `${workers} worker process${workers === 1 ? '' : 'es'}: timers fired`,
          value: rate(result.perSecond),
          detail: `delay median ${millis(result.medianMs)}, p95 ${millis(result.p95Ms)}; all fired in ${result.seconds.toFixed(1)} s`,
          reference: workers === 1 ? '' : '1 worker process',
          ratio: workers === 1 ? '' : `${(result.perSecond / results[0]!.perSecond).toFixed(2)}×`,
        }),
      );
    }
    return { rows, notes };
  },
};
