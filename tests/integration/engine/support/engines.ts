import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { createManualClock, type ManualClock } from '@/engine/clock';
import { createEngine, type RunningEngine } from '@/engine/engine';
import { createMemoryStore } from '@/engine/store/memory';
import type { Store } from '@/engine/store/port';
import { createPostgresStore } from '@/engine/store/postgres';
import { openDatabase } from '@/db/client';
import { freshDatabase } from '../../support/database';

export const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

export interface EngineUnderTest {
  engine: RunningEngine;
  store: Store;
  clock: ManualClock;
  /**
   * Another engine on the same data, as a second process would have: on
   * PostgreSQL it has its own connection pool; PGlite and memory have one
   * connection, so it shares the store.
   */
  peer: () => { engine: RunningEngine; store: Store };
}

interface OpenedStore {
  store: Store;
  /** A second store on the same data through its own connections, where the backend has several. */
  second: Store;
  close(): Promise<void>;
}

const stores: Array<[string, () => Promise<OpenedStore>]> = [
  [
    'memory',
    () => {
      const store = createMemoryStore();
      return Promise.resolve({ store, second: store, close: () => Promise.resolve() });
    },
  ],
  [
    process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
    async () => {
      const database = await freshDatabase();
      const store = createPostgresStore(database.db);
      if (database.kind === 'pglite')
        return { store, second: store, close: () => database.close() };
      const other = await openDatabase({ url: database.location });
      return {
        store,
        second: createPostgresStore(other.db),
        close: async () => {
          await other.close();
          await database.close();
        },
      };
    },
  ],
];

/** Runs the same behaviour spec on the in-memory store and on the SQL store. */
export function describeOnEveryStore(title: string, body: (given: () => EngineUnderTest) => void) {
  describe.each(stores)(`${title} (%s)`, (_name, open) => {
    let subject: EngineUnderTest;
    let close: () => Promise<void> = () => Promise.resolve();
    beforeAll(async () => {
      const opened = await open();
      close = () => opened.close();
      const clock = createManualClock();
      subject = {
        engine: createEngine({ store: opened.store, clock }),
        store: opened.store,
        clock,
        peer: () => ({
          engine: createEngine({ store: opened.second, clock }),
          store: opened.second,
        }),
      };
    });
    afterAll(() => close());
    body(() => subject);
  });
}

/** Every persisted state must survive a trip through JSON unchanged. */
export function roundTrips(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
}
