/**
 * Each command is one short transaction: BEGIN, one statement that reads
 * what the command is about (locking its instance), one that writes the new
 * state with its history and effect rows, COMMIT. When the engine saved the
 * instance last, or started the process before, it starts from what it kept,
 * and the write's checks stand in for the read: BEGIN, the write, COMMIT.
 * Counted on PGlite at the wire, so every statement counts, whoever sends it;
 * the SQL store sends the same statements to PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { migrate } from '@/db/migrate';
import * as schema from '@/db/schema';
import { createEngine, type RunningEngine } from '@/engine/engine';
import { createPostgresStore } from '@/engine/store/postgres';
import { countWireStatements, type WireCounter } from '../../support/wire-statements';
import { fixture } from './support/engines';

describe('statements per command on the SQL store', () => {
  let client: PGlite;
  let db: Database;
  let engine: RunningEngine;
  let wire: WireCounter;
  const counted = async <T>(command: () => Promise<T>): Promise<{ result: T; count: number }> => {
    wire.reset();
    const result = await command();
    return { result, count: wire.count };
  };

  beforeAll(async () => {
    client = await PGlite.create('memory://');
    db = drizzle(client, { schema });
    await migrate({ db, kind: 'pglite', location: 'memory://', close: () => client.close() });
    engine = createEngine({ store: createPostgresStore(db) });
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    wire = countWireStatements(client);
  });
  afterAll(() => client.close());

  /** Statements of each command of one instance, started, its job completed, its task completed, to its end. */
  async function countsOfOneInstance(on: RunningEngine): Promise<number[]> {
    const started = await counted(() =>
      on.start('approve-by-amount', { variables: { amount: 5000 } }),
    );
    const [job] = await on.listJobs({ instanceId: started.result.id });
    const completedJob = await counted(() => on.completeJob(job!.id));
    const [task] = await on.listTasks({ instanceId: started.result.id });
    const completedTask = await counted(() => on.completeTask(task!.id, {}, 'bob'));
    expect(completedTask.result.status).toBe('completed');
    expect((await on.history(started.result.id)).map((event) => event.type)).toContain(
      'TaskCompleted',
    );
    return [started.count, completedJob.count, completedTask.count];
  }

  it('given a service task and a user task, then the first start reads the newest definition, and the commands after it need no read', async () => {
    const first = await counted(() =>
      engine.start('approve-by-amount', { variables: { amount: 5000 } }),
    );

    expect(first.count).toBe(4);
    expect(await countsOfOneInstance(engine)).toEqual([3, 3, 3]);
  });

  it('given an engine that keeps no instances, then every command costs BEGIN, the locking read, the write and COMMIT', async () => {
    const keepsNone = createEngine({ store: createPostgresStore(db), knownInstances: 0 });
    // The first instance also reads the diagram, once, to compile it.
    await countsOfOneInstance(keepsNone);

    expect(await countsOfOneInstance(keepsNone)).toEqual([4, 4, 4]);
  });
});
