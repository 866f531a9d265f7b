import { hostname } from 'node:os';
import {
  createEngine,
  createHttpHandler,
  createLogHandler,
  createPostgresStore,
  createWorker,
  sqlSessionOf,
  whoWouldApprove,
  type AnyPgDatabase,
  type ApprovalPorts,
  type EngineOptions,
  type JobHandler,
  type RunningEngine,
  type WhoWouldApprove,
  type WhoWouldApproveInput,
  type Worker,
} from '@/engine';
import type { Refusable } from '@/engine/authority';
import { getDb } from '@/lib/db';
import { createDirectory, createExchangeRateLookup } from '@/lib/directory';
import { env } from '@/lib/env';
import { startMailSender } from '@/lib/mail/start-mail-sender';
import { startDelegationSweep } from '@/lib/org/start-delegation-sweep';

/**
 * The one composition root: the engine on the app's database, and the worker
 * that runs its jobs and timers. Kept on globalThis so every module copy Next.js
 * loads shares one engine and at most one in-process worker.
 */
const globalForEngine = globalThis as typeof globalThis & {
  batonEngine?: Promise<RunningEngine>;
  batonWorker?: Promise<Worker>;
};

export function getEngine(): Promise<RunningEngine> {
  globalForEngine.batonEngine ??= getDb()
    .then((db) => createEngine(engineOptions(db)))
    .catch((error: unknown) => {
      globalForEngine.batonEngine = undefined;
      throw error;
    });
  return globalForEngine.batonEngine;
}

/**
 * The engine on the app's database, with the org chart and exchange rates
 * read inside each command's own transaction: approvers are resolved from the
 * chart as the command sees it, and PGlite's single connection is never asked
 * for a second transaction.
 */
export function engineOptions(db: AnyPgDatabase): EngineOptions {
  return {
    store: createPostgresStore(db),
    directory: (tx) => createDirectory(sqlSessionOf(tx) ?? db),
    exchangeRate: (currency, at, tx) =>
      createExchangeRateLookup(sqlSessionOf(tx) ?? db)(currency, at),
    companyCurrency: env().BATON_CURRENCY,
  };
}

/** The org-chart ports outside a command, for the "who would approve?" page. */
export function approvalPorts(db: AnyPgDatabase): ApprovalPorts {
  return {
    directory: createDirectory(db),
    exchangeRate: createExchangeRateLookup(db),
    companyCurrency: env().BATON_CURRENCY,
  };
}

/** "Who would approve?" now, over the app's org chart, by the same rules the engine applies. */
export async function previewApprovers(
  input: Omit<WhoWouldApproveInput, 'at'>,
): Promise<Refusable<WhoWouldApprove>> {
  return whoWouldApprove({ ...input, at: new Date() }, approvalPorts(await getDb()));
}

/** The job types Baton runs itself; any other type waits for an external worker. */
export function builtInJobHandlers(): Record<string, JobHandler> {
  return {
    log: createLogHandler((line) => console.log(`[job] ${line}`)),
    http: createHttpHandler(),
  };
}

/** Starts this process's worker once; later calls return the same worker. */
export function startWorker(options: { workerId?: string } = {}): Promise<Worker> {
  globalForEngine.batonWorker ??= getEngine().then(async (engine) => {
    const worker = createWorker({
      engine,
      store: engine.store,
      handlers: builtInJobHandlers(),
      workerId: options.workerId ?? `${hostname()}:${process.pid}`,
      timers: true,
    });
    worker.start();
    // The outbox is sent by the same process that works the jobs: one switch (BATON_WORKER) runs both.
    await startMailSender(engine.store);
    // Delegations that ran out give their open approval tasks back to the delegator.
    startDelegationSweep({ db: await getDb(), engine });
    return worker;
  });
  return globalForEngine.batonWorker;
}
