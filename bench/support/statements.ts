/**
 * How many SQL statements one purchase-approval instance costs, counted on an
 * in-memory PGlite database through drizzle's logger: every statement the
 * store sends, plus BEGIN and COMMIT of each transaction (PGlite runs those
 * itself, past the logger). The store sends the same statements to PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from '@/db/client';
import { migrate } from '@/db/migrate';
import * as schema from '@/db/schema';
import { createEngine, createPostgresStore } from '@/engine';
import { COMMANDS_PER_INSTANCE, runInstance, XML } from './purchase';

const SAMPLE = 20;

export async function statementsPerInstance(): Promise<number> {
  const client = await PGlite.create('memory://');
  try {
    let counting = false;
    let count = 0;
    const db = drizzle(client, {
      schema,
      logger: { logQuery: () => void (counting && count++) },
    }) as unknown as Database;
    await migrate({ db, kind: 'pglite', location: 'memory://', close: () => client.close() });
    const engine = createEngine({ store: createPostgresStore(db) });
    await engine.deploy(XML);
    await runInstance(engine);
    counting = true;
    for (let i = 0; i < SAMPLE; i++) await runInstance(engine);
    counting = false;
    return count / SAMPLE + 2 * COMMANDS_PER_INSTANCE;
  } finally {
    await client.close();
  }
}
