/**
 * Each command is one short transaction: BEGIN, one statement that reads
 * what the command is about (locking its instance), one that writes the new
 * state with its history and effect rows, COMMIT. Counted on PGlite through
 * drizzle's logger (BEGIN and COMMIT run inside PGlite, past the logger); the
 * SQL store sends the same statements to PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { migrate } from '@/db/migrate';
import * as schema from '@/db/schema';
import { createEngine, type RunningEngine } from '@/engine/engine';
import { createPostgresStore } from '@/engine/store/postgres';
import { fixture } from './support/engines';

describe('statements per command on the SQL store', () => {
  let client: PGlite;
  let engine: RunningEngine;
  const statements: string[] = [];
  const counted = async <T>(command: () => Promise<T>): Promise<{ result: T; count: number }> => {
    statements.length = 0;
    const result = await command();
    return { result, count: statements.length };
  };

  beforeAll(async () => {
    client = await PGlite.create('memory://');
    const db = drizzle(client, {
      schema,
      logger: { logQuery: (query) => void statements.push(query) },
    }) as unknown as Database;
    await migrate({ db, kind: 'pglite', location: 'memory://', close: () => client.close() });
    engine = createEngine({ store: createPostgresStore(db) });
    await engine.deploy(fixture('approve-by-amount.bpmn'));
  });
  afterAll(() => client.close());

  it('given a service task and a user task, then starting, completing the job and completing the task each read once and write once', async () => {
    const started = await counted(() =>
      engine.start('approve-by-amount', { variables: { amount: 5000 } }),
    );
    const [job] = await engine.listJobs({ instanceId: started.result.id });
    const completedJob = await counted(() => engine.completeJob(job!.id));
    const [task] = await engine.listTasks({ instanceId: started.result.id });
    const completedTask = await counted(() => engine.completeTask(task!.id, {}, 'bob'));

    expect(completedTask.result.status).toBe('completed');
    expect([started.count, completedJob.count, completedTask.count]).toEqual([2, 2, 2]);
    expect((await engine.history(started.result.id)).map((event) => event.type)).toContain(
      'TaskCompleted',
    );
  });
});
