import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { employees, exchangeRates, orgChartVersion } from '@/db/schema';
import { createDirectory, createExchangeRateLookup } from '@/lib/directory';
import { freshDatabase } from '../support/database';

describe('the org-chart directory over the employees table', () => {
  let database: DatabaseHandle;
  const id = { ann: randomUUID(), bob: randomUUID(), cat: randomUUID(), dan: randomUUID() };

  beforeAll(async () => {
    database = await freshDatabase();
    const { db } = database;
    await db.insert(orgChartVersion).values({ id: 1, version: 7 });
    await db.insert(employees).values([
      { id: id.ann, name: 'Ann', email: 'ann@org.test', currency: 'USD', authorityLimit: null },
      {
        id: id.bob,
        name: 'Bob',
        email: 'bob@org.test',
        currency: 'USD',
        authorityLimit: 500_000,
        managerId: id.ann,
      },
      {
        id: id.cat,
        name: 'Cat',
        email: 'Cat@Org.test',
        currency: 'USD',
        authorityLimit: 10_000,
        managerId: id.bob,
        delegateId: id.ann,
        delegateFrom: '2025-03-01',
        delegateUntil: '2025-03-15',
      },
      {
        id: id.dan,
        name: 'Dan',
        email: 'dan@org.test',
        currency: 'USD',
        authorityLimit: 0,
        active: false,
        managerId: id.cat,
      },
    ]);
    await db.insert(exchangeRates).values([
      { currency: 'EUR', rate: '1.0800', validOn: '2025-03-01' },
      { currency: 'EUR', rate: '1.0870', validOn: '2025-03-03' },
    ]);
  }, 60_000);
  afterAll(() => database.close());

  it('reads a person with limits in minor units and the delegation as instants, the last day included', async () => {
    const directory = createDirectory(database.db);
    expect(await directory.getPerson(id.cat)).toEqual({
      id: id.cat,
      name: 'Cat',
      email: 'Cat@Org.test',
      managerId: id.bob,
      limit: 10_000,
      active: true,
      delegateId: id.ann,
      delegateFrom: new Date('2025-03-01T00:00:00Z'),
      delegateUntil: new Date('2025-03-16T00:00:00Z'),
    });
    expect(await directory.findByEmail('cat@org.TEST')).toMatchObject({ id: id.cat });
    expect(await directory.getPerson('not-a-uuid')).toBeNull();
    expect(await directory.getPerson(randomUUID())).toBeNull();
    expect(await directory.version()).toBe('7');
  });

  it('answers the whole manager chain in one query, stopping at a cycle', async () => {
    const directory = createDirectory(database.db);
    expect((await directory.getManagerChain!(id.dan)).map((person) => person.name)).toEqual([
      'Dan',
      'Cat',
      'Bob',
      'Ann',
    ]);

    await database.db
      .update(employees)
      .set({ managerId: id.cat })
      .where(sql`${employees.id} = ${id.ann}`);
    expect((await directory.getManagerChain!(id.dan)).map((person) => person.name)).toEqual([
      'Dan',
      'Cat',
      'Bob',
      'Ann',
    ]);
    await database.db
      .update(employees)
      .set({ managerId: null })
      .where(sql`${employees.id} = ${id.ann}`);
  });

  it('finds the latest exchange rate valid on the day', async () => {
    const rate = createExchangeRateLookup(database.db);
    expect(await rate('EUR', new Date('2025-03-02T12:00:00Z'))).toEqual({
      rate: '1.0800000000',
      date: '2025-03-01',
    });
    expect(await rate('eur', new Date('2025-03-10T12:00:00Z'))).toEqual({
      rate: '1.0870000000',
      date: '2025-03-03',
    });
    expect(await rate('EUR', new Date('2025-02-28T12:00:00Z'))).toBeNull();
    expect(await rate('GBP', new Date('2025-03-10T12:00:00Z'))).toBeNull();
  });
});
