/**
 * Each command is one short transaction: BEGIN, one statement that reads
 * what the command is about (locking its instance), one that writes the new
 * state with its history and effect rows, COMMIT. Counted on PGlite at the
 * wire, so every statement counts, whoever sends it; the SQL store sends the
 * same statements to PostgreSQL.
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
  let engine: RunningEngine;
  let wire: WireCounter;
  const counted = async <T>(command: () => Promise<T>): Promise<{ result: T; count: number }> => {
    wire.reset();
    const result = await command();
    return { result, count: wire.count };
  };

  beforeAll(async () => {
    client = await PGlite.create('memory://');
    const db = drizzle(client, { schema }) as unknown as Database;
    await migrate({ db, kind: 'pglite', location: 'memory://', close: () => client.close() });
    engine = createEngine({ store: createPostgresStore(db) });
    await engine.deploy(fixture('approve-by-amount.bpmn'));
    wire = countWireStatements(client);
  });
  afterAll(() => client.close());

  it('given a service task and a user task, then starting, completing the job and completing the task each cost BEGIN, one read, one write and COMMIT', async () => {
    const started = await counted(() =>
      engine.start('approve-by-amount', { variables: { amount: 5000 } }),
    );
    const [job] = await engine.listJobs({ instanceId: started.result.id });
    const completedJob = await counted(() => engine.completeJob(job!.id));
    const [task] = await engine.listTasks({ instanceId: started.result.id });
    const completedTask = await counted(() => engine.completeTask(task!.id, {}, 'bob'));

    expect(completedTask.result.status).toBe('completed');
    expect([started.count, completedJob.count, completedTask.count]).toEqual([4, 4, 4]);
    expect((await engine.history(started.result.id)).map((event) => event.type)).toContain(
      'TaskCompleted',
    );
  });
});
