import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { employees, orgChartVersion } from '@/db/schema';
import { createOrgSnapshot, type Directory, type Person } from '@/engine/authority';
import { createManualClock, type ManualClock } from '@/engine/clock';
import { createEngine, type EngineOptions, type RunningEngine } from '@/engine/engine';
import { createMemoryStore } from '@/engine/store/memory';
import type { Store } from '@/engine/store/port';
import { createPostgresStore, sqlSessionOf } from '@/engine/store/postgres';
import { createDirectory, createExchangeRateLookup } from '@/lib/directory';
import { freshDatabase } from '../../support/database';

export const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', `${name}.bpmn`), 'utf8');

export const email = (key: string) => `${key}@org.baton.test`;

/** The org chart of these specs, limits in USD cents: Cora ← Victor ← Dana ← Mia ← Eli, and Fiona beside Victor. */
const ORG: ReadonlyArray<{
  key: string;
  name: string;
  manager: string | null;
  limit: number | null;
}> = [
  { key: 'cora', name: 'Cora Chen', manager: null, limit: null },
  { key: 'victor', name: 'Victor Vance', manager: 'cora', limit: 25_000_000 },
  { key: 'fiona', name: 'Fiona Fox', manager: 'cora', limit: 10_000_000 },
  { key: 'dana', name: 'Dana Diaz', manager: 'victor', limit: 5_000_000 },
  { key: 'mia', name: 'Mia Moreno', manager: 'dana', limit: 500_000 },
  { key: 'eli', name: 'Eli Evans', manager: 'mia', limit: 10_000 },
];

export interface OrgUnderTest {
  engine: RunningEngine;
  store: Store;
  clock: ManualClock;
  /** Another engine on the same data (its own pool on PostgreSQL). */
  peer: RunningEngine;
  /** Changes someone's limit, as the admin page would (the org-chart version moves on). */
  setLimit: (key: string, limit: number | null) => Promise<void>;
  orgVersion: () => Promise<string>;
}

interface Backend {
  engineOptions(store: 'first' | 'second'): Omit<EngineOptions, 'clock'>;
  setLimit(key: string, limit: number | null): Promise<void>;
  orgVersion(): Promise<string>;
  close(): Promise<void>;
}

async function memoryBackend(): Promise<Backend> {
  const store = createMemoryStore();
  const people = new Map<string, Person>(
    ORG.map((entry) => [
      entry.key,
      {
        id: entry.key,
        name: entry.name,
        email: email(entry.key),
        managerId: entry.manager,
        limit: entry.limit,
        active: true,
        delegateId: null,
        delegateFrom: null,
        delegateUntil: null,
      },
    ]),
  );
  let version = 1;
  const snapshot = () => createOrgSnapshot(people.values(), String(version));
  const directory: Directory = {
    getPerson: (id) => Promise.resolve(snapshot().getPerson(id)),
    findByEmail: (address) => Promise.resolve(snapshot().findByEmail(address)),
    version: () => Promise.resolve(String(version)),
  };
  return Promise.resolve({
    engineOptions: () => ({ store, directory, companyCurrency: 'USD' }),
    setLimit(key, limit) {
      const person = people.get(key);
      if (person) people.set(key, { ...person, limit });
      version += 1;
      return Promise.resolve();
    },
    orgVersion: () => Promise.resolve(String(version)),
    close: () => Promise.resolve(),
  });
}

async function sqlBackend(): Promise<Backend> {
  const database = await freshDatabase();
  const db = database.db;
  const ids = new Map(ORG.map((entry) => [entry.key, randomUUID()]));
  await db.insert(orgChartVersion).values({ id: 1, version: 1 });
  for (const entry of ORG) {
    await db.insert(employees).values({
      id: ids.get(entry.key)!,
      name: entry.name,
      email: email(entry.key),
      managerId: entry.manager === null ? null : ids.get(entry.manager)!,
      authorityLimit: entry.limit,
      currency: 'USD',
    });
  }
  const second = database.kind === 'pglite' ? null : await openDatabase({ url: database.location });
  const optionsOn = (on: Database): Omit<EngineOptions, 'clock'> => ({
    store: createPostgresStore(on),
    directory: (tx) => createDirectory(sqlSessionOf(tx) ?? on),
    exchangeRate: (currency, at, tx) =>
      createExchangeRateLookup(sqlSessionOf(tx) ?? on)(currency, at),
    companyCurrency: 'USD',
  });
  return {
    engineOptions: (which) => optionsOn(which === 'second' && second ? second.db : db),
    async setLimit(key, limit) {
      await db.transaction(async (tx) => {
        await tx
          .update(employees)
          .set({ authorityLimit: limit })
          .where(sql`${employees.id} = ${ids.get(key)!}`);
        await tx
          .update(orgChartVersion)
          .set({ version: sql`${orgChartVersion.version} + 1` })
          .where(sql`${orgChartVersion.id} = 1`);
      });
    },
    orgVersion: () => createDirectory(db).version(),
    async close() {
      await second?.close();
      await database.close();
    },
  };
}

const backends: Array<[string, () => Promise<Backend>]> = [
  ['memory', memoryBackend],
  [process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite', sqlBackend],
];

/** Runs the same approval spec on the in-memory store and on the SQL store with the employees table. */
export function describeWithOrgChart(title: string, body: (given: () => OrgUnderTest) => void) {
  describe.each(backends)(`${title} (%s)`, (_name, open) => {
    let subject: OrgUnderTest;
    let backend: Backend | null = null;
    beforeAll(async () => {
      backend = await open();
      const clock = createManualClock(Date.UTC(2025, 2, 10, 12));
      const opened = backend;
      subject = {
        engine: createEngine({ ...opened.engineOptions('first'), clock }),
        store: opened.engineOptions('first').store,
        clock,
        peer: createEngine({ ...opened.engineOptions('second'), clock }),
        setLimit: (key, limit) => opened.setLimit(key, limit),
        orgVersion: () => opened.orgVersion(),
      };
    });
    afterAll(() => backend?.close());
    body(() => subject);
  });
}
