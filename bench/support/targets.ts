/**
 * The databases a run measures on. PGlite is created in memory per section, so
 * sections never see each other's rows. PostgreSQL gets one fresh database per
 * run, created on the server named by DATABASE_URL (or the local default) and
 * dropped at the end, so a run never touches a database someone works in.
 */
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrate } from '@/db/migrate';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@localhost:5432/test';

export type Probe =
  { ok: true; url: string; version: string } | { ok: false; url: string; reason: string };

export interface PostgresTarget {
  handle: DatabaseHandle;
  /** Name of the database created for this run. */
  database: string;
  /** Its URL, for processes of their own (worker processes). */
  url: string;
  /** Connections in the pool; the concurrent benchmarks use all of them. */
  poolSize: number;
}

export interface Targets {
  readonly postgresProbe: Probe;
  /** A new, migrated, in-memory PGlite database; closed by the runner. */
  pglite(): Promise<DatabaseHandle>;
  /** The run's fresh PostgreSQL database, or why there is none. */
  postgres(): Promise<PostgresTarget | { unavailable: string }>;
  /** Versions learnt while running (the embedded PostgreSQL of PGlite). */
  readonly learnt: { pgliteServer?: string };
  close(): Promise<void>;
}

const POOL_SIZE = 4;

/** Hides the password, so a URL can be printed and written to BENCHMARKS.md. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function probePostgres(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('show server_version');
    return { ok: true, url, version: result.rows[0]?.server_version ?? 'unknown' };
  } catch (error) {
    return {
      ok: false,
      url,
      reason: error instanceof Error ? error.message || error.name : String(error),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function createTargets(probe: Probe): Targets {
  const opened: DatabaseHandle[] = [];
  const learnt: { pgliteServer?: string } = {};
  let postgres: Promise<PostgresTarget | { unavailable: string }> | null = null;
  let created: { adminUrl: string; name: string } | null = null;

  async function openPostgres(): Promise<PostgresTarget | { unavailable: string }> {
    if (!probe.ok)
      return {
        unavailable: `PostgreSQL at ${redact(probe.url)} is not reachable (${probe.reason})`,
      };
    const name = `baton_bench_${process.pid}_${Date.now()}`;
    await onServer(probe.url, `create database "${name}"`);
    created = { adminUrl: probe.url, name };
    const url = new URL(probe.url);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), maxConnections: POOL_SIZE });
    opened.push(handle);
    await migrate(handle);
    return { handle, database: name, url: url.toString(), poolSize: POOL_SIZE };
  }

  return {
    postgresProbe: probe,
    learnt,
    async pglite() {
      const handle = await openDatabase({ dataDir: 'memory://' });
      opened.push(handle);
      await migrate(handle);
      if (!learnt.pgliteServer) {
        const result = (await handle.db.execute('show server_version')) as {
          rows: Array<{ server_version: string }>;
        };
        learnt.pgliteServer = result.rows[0]?.server_version;
      }
      return handle;
    },
    postgres() {
      postgres ??= openPostgres();
      return postgres;
    },
    async close() {
      for (const handle of opened.splice(0)) await handle.close().catch(() => undefined);
      if (created) {
        const { adminUrl, name } = created;
        created = null;
        await onServer(adminUrl, `drop database if exists "${name}" with (force)`);
      }
    },
  };
}
