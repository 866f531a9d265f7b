/**
 * How the SQL store ends its transactions, on PGlite or, with DATABASE_URL,
 * on PostgreSQL: a command's statements are sent together (its writes with
 * COMMIT), so a statement that fails must still take the whole command with
 * it, leave nothing behind, and leave the connection fit for the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { eq, sql } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { createPostgresStore, sqlSessionOf } from '@/engine/store/postgres';
import type { Store } from '@/engine/store/port';
import { freshDatabase } from '../support/database';
import { seedInstance, stateOf, uniqueId } from './support/store-contract';

const T0 = new Date('2025-01-01T00:00:00Z');

describe('SQL store transactions', () => {
  let database: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    database = await freshDatabase();
    store = createPostgresStore(database.db);
  });
  afterAll(() => database.close());

  const message = (id: string) => ({
    id,
    name: 'payment-received',
    correlationKey: 'order-1',
    variables: {},
    publishedAt: T0,
    expiresAt: new Date(T0.getTime() + 60_000),
  });

  it('given a write that fails after the instance was saved in the same batch, then nothing of the command is kept and the next command runs', async () => {
    const instanceId = await seedInstance(store);
    const messageId = uniqueId('message');
    await store.transaction((tx) => tx.insertMessage(message(messageId)));

    await expect(
      store.transaction(async (tx) => {
        const locked = await tx.lockInstance(instanceId);
        await tx.saveInstance(instanceId, {
          state: stateOf(instanceId, { status: 'completed' }),
          expectedLockVersion: locked!.lockVersion,
          endedAt: T0,
        });
        await tx.appendHistory(instanceId, [
          { type: 'InstanceCompleted', at: T0.getTime(), elementId: 'order' },
        ]);
        // The same message id again: a primary key violation in the batch that also commits.
        await tx.insertMessage(message(messageId));
      }),
    ).rejects.toMatchObject({ code: '23505' });

    expect(await store.getInstance(instanceId)).toMatchObject({
      status: 'active',
      lockVersion: 0,
    });
    expect(await store.history(instanceId)).toEqual([]);

    // Several commands in a row, so one of them runs on the connection the failed command used.
    for (let version = 0; version < 3; version++) {
      await store.transaction(async (tx) => {
        const locked = await tx.lockInstance(instanceId);
        expect(locked?.lockVersion).toBe(version);
        await tx.saveInstance(instanceId, {
          state: stateOf(instanceId),
          expectedLockVersion: version,
          endedAt: null,
        });
      });
    }
    expect((await store.getInstance(instanceId))?.lockVersion).toBe(3);
  });

  it('given drizzle statements with array values inside a command, then the arrays arrive as written, whatever their items hold', async () => {
    const instanceId = await seedInstance(store);
    const taskId = uniqueId('task');
    const groups = ['finance', 'a,b', 'say "yes"', 'back\\slash', '{braces}', 'NULL', ''];
    await store.transaction(async (tx) => {
      await tx.lockInstance(instanceId);
      const db = sqlSessionOf(tx)!;
      await db.insert(tasks).values({
        id: taskId,
        instanceId,
        processId: 'order',
        elementId: 'review',
        candidateGroups: groups,
        candidateUsers: ['ann@example.com'],
        status: 'open',
        createdAt: T0,
      });
      const [read] = await db
        .select({ candidateGroups: tasks.candidateGroups })
        .from(tasks)
        .where(eq(tasks.id, taskId));
      expect(read?.candidateGroups).toEqual(groups);
      // Drizzle encodes a column's array itself; an array bound as a plain parameter is encoded by the session.
      const echoed: unknown = await db.execute(
        sql`select ${sql.param(groups)}::text[] as "groups"`,
      );
      expect((echoed as { rows: Array<{ groups: string[] }> }).rows[0]?.groups).toEqual(groups);
    });
    const [stored] = await database.db
      .select({ candidateGroups: tasks.candidateGroups, candidateUsers: tasks.candidateUsers })
      .from(tasks)
      .where(eq(tasks.id, taskId));
    expect(stored).toEqual({ candidateGroups: groups, candidateUsers: ['ann@example.com'] });
  });

  it('given a command that fails in its own code after reading, then what it wrote before is rolled back and the error is its own', async () => {
    const instanceId = await seedInstance(store);
    await expect(
      store.transaction(async (tx) => {
        await tx.lockInstance(instanceId);
        await tx.appendHistory(instanceId, [
          { type: 'ElementActivated', at: T0.getTime(), elementId: 'review' },
        ]);
        // A read sends the held-back history ahead of it, so it is in the transaction when the command fails.
        await tx.lockInstance(instanceId);
        throw new Error('Expected the review to be assigned, but it was not');
      }),
    ).rejects.toThrow('Expected the review to be assigned, but it was not');
    expect(await store.history(instanceId)).toEqual([]);
  });
});
