import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { migrate } from '@/db/migrate';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when
 * DATABASE_URL is set, a new database on that PostgreSQL server that is
 * dropped again by `close()`. With `migrated: false` it is empty.
 */
export async function freshDatabase({ migrated = true } = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    if (migrated) await migrate(handle);
    return handle;
  }
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  await withServer(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  if (migrated) await migrate(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await withServer(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** PostgreSQL answers these while other test files create or drop their databases at the same moment. */
const TRANSIENT = new Set(['55006', '53300', '57P03', '40001']);

/** Runs one statement on the server's maintenance database, trying again on transient refusals. */
async function withServer(serverUrl: string, statement: (client: pg.Client) => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const client = new pg.Client({ connectionString: serverUrl });
    try {
      await client.connect();
      await statement(client);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || !code || !TRANSIENT.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
