import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { DatabaseHandle } from '@/db/client';
import { employees, orgChartVersion, users } from '@/db/schema';
import { createPostgresStore, type RunningEngine } from '@/engine';
import { getEngine } from '@/lib/engine';
import { resetEnv } from '@/lib/env';
import { createMailSender, type MailSender } from '@/lib/mail/mail-sender';
import { createSmtpTransport } from '@/lib/mail/transport';
import { freshDatabase } from '../../support/database';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';

export const BASE_URL = 'http://baton.test';
export const SECRET = 'mail-tests-secret-that-is-long-enough-0123456789';
export const email = (key: string) => `${key}@org.baton.test`;

/** Cora ← Victor ← Dana ← Mia ← Eli; limits in USD cents. 12,500 needs Mia, then Dana. */
const ORG = [
  { key: 'cora', name: 'Cora Chen', manager: null, limit: null },
  { key: 'victor', name: 'Victor Vance', manager: 'cora', limit: 25_000_000 },
  { key: 'dana', name: 'Dana Diaz', manager: 'victor', limit: 5_000_000 },
  { key: 'mia', name: 'Mia Moreno', manager: 'dana', limit: 500_000 },
  { key: 'eli', name: 'Eli Evans', manager: 'mia', limit: 10_000 },
] as const;

export interface MailWorld {
  handle: DatabaseHandle;
  engine: RunningEngine;
  smtp: SmtpCatcher;
  sender: MailSender;
  userIds: Map<string, string>;
  /** A session cookie as next-auth would set it for this person. */
  sessionCookie(key: string): Promise<string>;
  /** Starts a purchase request by Eli and returns Mia's open task. */
  startRequest(variables?: Record<string, unknown>): Promise<{ instanceId: string; taskId: string }>;
  close(): Promise<void>;
}

const globals = globalThis as typeof globalThis & {
  batonDatabase?: Promise<DatabaseHandle>;
  batonEngine?: Promise<RunningEngine>;
};

/**
 * The app's own composition (getDb, getEngine, the link page's handler) on a
 * fresh database with a small org chart, and a mail sender pointed at a real
 * SMTP server started by the test.
 */
export async function openMailWorld(options: { retryBaseMs?: number } = {}): Promise<MailWorld> {
  process.env.BATON_URL = BASE_URL;
  process.env.NEXTAUTH_SECRET = SECRET;
  resetEnv();
  const handle = await freshDatabase();
  globals.batonDatabase = Promise.resolve(handle);
  globals.batonEngine = undefined;
  const { db } = handle;
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
  const userIds = new Map<string, string>();
  for (const entry of ORG) {
    const [user] = await db
      .insert(users)
      .values({ email: email(entry.key), name: entry.name, passwordHash: 'unused', employeeId: ids.get(entry.key)! })
      .returning({ id: users.id });
    userIds.set(entry.key, user!.id);
  }
  const engine = await getEngine();
  await engine.deploy(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'approve-purchase-by-email.bpmn'), 'utf8'));
  const smtp = await startSmtpCatcher();
  const sender = createMailSender({
    db,
    store: createPostgresStore(db),
    transport: createSmtpTransport({ url: smtp.url, from: 'Baton <baton@baton.test>', timeoutMs: 2_000 }),
    baseUrl: BASE_URL,
    linkTtlHours: 168,
    workerId: 'mail-test',
    retryBaseMs: options.retryBaseMs,
  });
  return {
    handle,
    engine,
    smtp,
    sender,
    userIds,
    async sessionCookie(key) {
      const token = await encode({
        token: { id: userIds.get(key)!, email: email(key), name: key, role: 'member' },
        secret: SECRET,
      });
      return `next-auth.session-token=${token}`;
    },
    async startRequest(variables = {}) {
      const started = await engine.start('approve-purchase-by-email', {
        variables: { amount: 12500, title: 'New laptops', justification: 'Team growth', ...variables },
        startedBy: email('eli'),
      });
      const [task] = await engine.listTasks({ instanceId: started.id, status: 'open' });
      return { instanceId: started.id, taskId: task!.id };
    },
    async close() {
      await sender.stop();
      await smtp.stop();
      globals.batonDatabase = undefined;
      globals.batonEngine = undefined;
      await handle.close();
    },
  };
}

/** The link with this label in a mail's text part ("Approve: http://…"). */
export function linkIn(text: string, label: 'Approve' | 'Reject' | 'Open the task in Baton'): string {
  const match = new RegExp(`^${label}:\\s+(\\S+)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`Expected a "${label}" link in the mail, but found none`);
  return match[1];
}

export function tokenOf(link: string): string {
  return new URL(link).pathname.split('/').pop()!;
}
