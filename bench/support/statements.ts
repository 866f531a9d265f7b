/**
 * How many SQL statements one purchase-approval instance costs, counted on an
 * in-memory PGlite database at the wire: every statement it is asked to run,
 * BEGIN and COMMIT included. The store sends the same statements to
 * PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from '@/db/client';
import { migrate } from '@/db/migrate';
import * as schema from '@/db/schema';
import { createEngine, createPostgresStore } from '@/engine';
import { countWireStatements } from '@/tests/support/wire-statements';
import { runInstance, XML } from './purchase';

const SAMPLE = 20;

export async function statementsPerInstance(): Promise<number> {
  const client = await PGlite.create('memory://');
  try {
    const db = drizzle(client, { schema }) as unknown as Database;
    await migrate({ db, kind: 'pglite', location: 'memory://', close: () => client.close() });
    const engine = createEngine({ store: createPostgresStore(db) });
    await engine.deploy(XML);
    await runInstance(engine);
    const wire = countWireStatements(client);
    for (let i = 0; i < SAMPLE; i++) await runInstance(engine);
    return wire.count / SAMPLE;
  } finally {
    await client.close();
  }
}
