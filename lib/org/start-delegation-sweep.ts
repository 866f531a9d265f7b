import type { Database } from '@/db/client';
import type { Engine } from '@/engine';
import { returnDelegatedTasks } from './return-delegated-tasks';

const globalForSweep = globalThis as typeof globalThis & { batonDelegationSweep?: DelegationSweep };

export interface DelegationSweep {
  /** One pass now: how many tasks went back. */
  sweep(): Promise<number>;
  stop(): void;
}

/**
 * Delegations end on a day, not only on an edit: once a delegation's last day
 * has passed, the tasks its delegate still holds go back to the delegator.
 * The worker process sweeps for them every `intervalMs` (a minute by default;
 * delegation dates are whole days). Started once per process; a second
 * process sweeping at the same moment is harmless, because returning a task
 * that already went back is refused by the engine and skipped.
 */
export function startDelegationSweep(deps: { db: Database; engine: Engine; intervalMs?: number }): DelegationSweep {
  if (globalForSweep.batonDelegationSweep) return globalForSweep.batonDelegationSweep;
  let running: Promise<number> | null = null;
  const sweep = () => {
    running ??= returnDelegatedTasks(deps, { now: new Date() })
      .then((returned) => returned.length)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => console.error('[delegations] the sweep failed; it runs again soon', error));
  }, deps.intervalMs ?? 60_000);
  timer.unref();
  const handle: DelegationSweep = {
    sweep,
    stop() {
      clearInterval(timer);
      if (globalForSweep.batonDelegationSweep === handle) globalForSweep.batonDelegationSweep = undefined;
    },
  };
  globalForSweep.batonDelegationSweep = handle;
  return handle;
}
