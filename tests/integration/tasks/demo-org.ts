import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { forms } from '@/db/schema';
import { seed } from '@/db/seed';
import { createEngine, type RunningEngine } from '@/engine';
import { engineOptions } from '@/lib/engine';
import type { TaskActor } from '@/lib/tasks/task-actor';
import { freshDatabase } from '../support/database';

const demo = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../../../db/demo', file), 'utf8');

export const person = (name: string): TaskActor => ({ email: `${name}@baton.example`, role: 'member' });

export interface DemoOrg {
  handle: DatabaseHandle;
  engine: RunningEngine;
  deps: { db: DatabaseHandle['db']; engine: RunningEngine };
}

/**
 * A fresh database with the demo org chart and accounts, the demo purchase
 * request deployed and its forms stored, as `npm start` sets them up.
 */
export function useDemoOrg(): () => DemoOrg {
  let org: DemoOrg | undefined;
  beforeAll(async () => {
    const handle = await freshDatabase();
    await seed(handle.db, { currency: 'USD', demoPassword: 'baton-demo' });
    for (const file of ['purchase-request.form.json', 'purchase-approval.form.json']) {
      const schema = JSON.parse(demo(file)) as Record<string, unknown> & { id: string };
      await handle.db.insert(forms).values({ formId: schema.id, name: schema.id, schema }).onConflictDoNothing();
    }
    const engine = createEngine(engineOptions(handle.db));
    await engine.deploy(demo('purchase-request.bpmn'));
    org = { handle, engine, deps: { db: handle.db, engine } };
  });
  afterAll(async () => {
    await org?.handle.close();
  });
  return () => {
    if (!org) throw new Error('The demo org is set up in beforeAll.');
    return org;
  };
}
