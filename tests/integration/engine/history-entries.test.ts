/**
 * History is stored as one entry per transaction, holding that transaction's
 * events in order; the view `history_events` shows one row per event. Given
 * a database with events recorded one row each (before entries), when it is
 * migrated, then the same events read back through the store and the view.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { migrate, migrationsFolder } from '@/db/migrate';
import { createManualClock } from '@/engine/clock';
import { createEngine } from '@/engine/engine';
import { createPostgresStore } from '@/engine/store/postgres';
import { freshDatabase } from '../support/database';
import { fixture } from './support/engines';

interface Journal {
  entries: Array<{ tag: string }>;
}

/** A migrations folder with the migrations before `tag` only. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'baton-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`Expected a migration '${tag}', but there is none`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

async function rowsOf(handle: DatabaseHandle, query: ReturnType<typeof sql>) {
  const result: unknown = await handle.db.execute(query);
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}

describe('history entries', () => {
  let handle: DatabaseHandle | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await handle?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    handle = undefined;
    folder = undefined;
  });

  it('given events recorded one row each, when migrated, then they read back unchanged, in order', async () => {
    handle = await freshDatabase({ migrated: false });
    folder = migrationsBefore('0004_history_entries');
    await migrate(handle, folder);
    await handle.db.execute(sql`
      insert into history (instance_id, type, element_id, element_instance_id, element_type, by, at, data) values
        ('i1', 'InstanceStarted', null, null, 'bpmn:Process', 'ann', '2026-03-01T09:00:00.123Z', null),
        ('i1', 'FlowTaken', 'f1', null, 'bpmn:SequenceFlow', null, '2026-03-01T09:00:00.123Z', '{"scopeId": "i1", "note": null}'),
        ('i2', 'InstanceStarted', null, null, 'bpmn:Process', 'bob', '2026-03-02T10:00:00Z', null),
        ('i1', 'TaskCompleted', 'review', 'e7', 'bpmn:UserTask', 'mia', '2026-03-01T09:05:00Z', '{"variables": {"approved": true}}')`);

    await migrate(handle);

    const store = createPostgresStore(handle.db);
    expect(await store.history('i1')).toEqual([
      {
        instanceId: 'i1',
        type: 'InstanceStarted',
        elementType: 'bpmn:Process',
        by: 'ann',
        at: new Date('2026-03-01T09:00:00.123Z'),
      },
      {
        instanceId: 'i1',
        type: 'FlowTaken',
        elementId: 'f1',
        elementType: 'bpmn:SequenceFlow',
        at: new Date('2026-03-01T09:00:00.123Z'),
        data: { scopeId: 'i1', note: null },
      },
      {
        instanceId: 'i1',
        type: 'TaskCompleted',
        elementId: 'review',
        elementInstanceId: 'e7',
        elementType: 'bpmn:UserTask',
        by: 'mia',
        at: new Date('2026-03-01T09:05:00Z'),
        data: { variables: { approved: true } },
      },
    ]);
    const view = await rowsOf(
      handle,
      sql`select type, element_id, by, at from history_events where instance_id = 'i1' order by entry_id, position`,
    );
    expect(
      view.map((row) => [
        row['type'],
        row['element_id'],
        row['by'],
        new Date(row['at'] as string).toISOString(),
      ]),
    ).toEqual([
      ['InstanceStarted', null, 'ann', '2026-03-01T09:00:00.123Z'],
      ['FlowTaken', 'f1', null, '2026-03-01T09:00:00.123Z'],
      ['TaskCompleted', 'review', 'mia', '2026-03-01T09:05:00.000Z'],
    ]);
  });

  it('given a process run, then each command wrote one entry, and the view lists every event as the engine does', async () => {
    handle = await freshDatabase();
    const store = createPostgresStore(handle.db);
    const clock = createManualClock(new Date('2026-04-01T08:00:00Z'));
    const engine = createEngine({ store, clock });
    await engine.deploy(fixture('review-by-user.bpmn'));
    const started = await engine.start('review-order', {
      variables: { reviewer: 'mia' },
      startedBy: 'ann',
    });
    const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    clock.advance(60_000);
    await engine.completeTask(task!.id, { approved: true }, 'mia');

    const entries = await rowsOf(
      handle,
      sql`select jsonb_array_length(events) as events from history where instance_id = ${started.id} order by id`,
    );
    const events = await engine.history(started.id);
    // Start, then the completion: two transactions, two entries, holding every event between them.
    expect(entries).toHaveLength(2);
    expect(entries.reduce((sum, row) => sum + Number(row['events']), 0)).toBe(events.length);
    const view = await rowsOf(
      handle,
      sql`select type, element_id, at from history_events where instance_id = ${started.id} order by entry_id, position`,
    );
    expect(
      view.map((row) => [
        row['type'],
        row['element_id'] ?? undefined,
        new Date(row['at'] as string).getTime(),
      ]),
    ).toEqual(events.map((event) => [event.type, event.elementId, event.at.getTime()]));
    expect(events.at(-1)).toMatchObject({
      type: 'InstanceCompleted',
      at: new Date('2026-04-01T08:01:00Z'),
    });
  });
});
