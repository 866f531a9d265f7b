/**
 * Persisted: the purchase approval end to end on the SQL store, next to a
 * floor measured on the same database through the same driver in the same
 * run: single-row insert+commit transactions per second, divided by the
 * transactions one instance needs. The floor is what the database and driver
 * allow at best; the percentage says how much of it the engine keeps.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { createEngine, createPostgresStore } from '@/engine';
import { micros, percent, rate } from '../support/format';
import { throughput, type RoundPlan, type Throughput } from '../support/measure';
import { COMMANDS_PER_INSTANCE, runInstance, verifyPath, XML } from '../support/purchase';
import { row, type ResultRow, type Section } from '../support/section';

const FLOOR_PLAN: RoundPlan = { warmupMs: 1000, rounds: 5, roundMs: 1000 };
const INSTANCE_PLAN: RoundPlan = { warmupMs: 1000, rounds: 5, roundMs: 2000 };
const TARGET_OF_FLOOR = 0.5;

async function floor(handle: DatabaseHandle, loops: number): Promise<Throughput> {
  const { db } = handle;
  await db.execute(
    sql`create table if not exists bench_floor (id bigserial primary key, payload text not null)`,
  );
  return throughput(
    () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_floor (payload) values (${'purchase-approval'})`);
      }),
    FLOOR_PLAN,
    loops,
  );
}

async function instances(handle: DatabaseHandle, loops: number): Promise<Throughput> {
  const engine = createEngine({ store: createPostgresStore(handle.db) });
  await engine.deploy(XML);
  await verifyPath(engine);
  return throughput(() => runInstance(engine), INSTANCE_PLAN, loops);
}

async function compare(label: string, handle: DatabaseHandle, loops: number): Promise<ResultRow[]> {
  const floorRun = await floor(handle, loops);
  const run = await instances(handle, loops);
  const floorInstances = floorRun.perSecond / COMMANDS_PER_INSTANCE;
  const share = run.perSecond / floorInstances;
  return [
    row({
      measurement: `${label}: instances end to end`,
      value: rate(run.perSecond),
      detail: `${micros(run.wallUsPerOp * loops)} per instance end to end, ${micros(run.cpuUsPerOp)} client CPU per instance`,
      reference: `floor ${rate(floorInstances)} (${rate(floorRun.perSecond)} tx ÷ ${COMMANDS_PER_INSTANCE})`,
      ratio: `${percent(share)} of floor`,
      target: `≥ ${percent(TARGET_OF_FLOOR)}`,
      verdict: share >= TARGET_OF_FLOOR ? 'met' : 'missed',
    }),
  ];
}

export const persistedSection: Section = {
  name: 'persisted',
  title: 'Persisted: purchase approval on PGlite and PostgreSQL vs the insert+commit floor',
  defaultOn: true,
  async run(targets) {
    const rows: ResultRow[] = [];
    const notes = [
      `Floor: single-row INSERT in its own transaction (BEGIN, INSERT, COMMIT through drizzle's transaction()), median of ${FLOOR_PLAN.rounds} × ${FLOOR_PLAN.roundMs / 1000} s; one instance needs ${COMMANDS_PER_INSTANCE} transactions (start, complete job, complete task).`,
      `Instances: median of ${INSTANCE_PLAN.rounds} × ${INSTANCE_PLAN.roundMs / 1000} s after ${INSTANCE_PLAN.warmupMs / 1000} s of warm-up, createEngine on createPostgresStore, one instance at a time per loop.`,
      "Client CPU is this process only: for PGlite it includes the database (it runs in-process), for PostgreSQL the server's work is not in it.",
    ];

    rows.push(...(await compare('PGlite (in memory), 1 connection', await targets.pglite(), 1)));

    const postgres = await targets.postgres();
    if ('unavailable' in postgres) {
      notes.push(
        `PostgreSQL rows are missing: ${postgres.unavailable}. Set DATABASE_URL to a server where the user may create databases.`,
      );
    } else {
      rows.push(...(await compare('PostgreSQL, 1 connection', postgres.handle, 1)));
      rows.push(
        ...(await compare(
          `PostgreSQL, ${postgres.poolSize} connections`,
          postgres.handle,
          postgres.poolSize,
        )),
      );
      notes.push(
        `PostgreSQL: a fresh database (${postgres.database}) created for the run and dropped after it; ${postgres.poolSize} connections = ${postgres.poolSize} async loops over a pool of ${postgres.poolSize}, floor and instances alike.`,
      );
    }
    return { rows, notes };
  },
};
