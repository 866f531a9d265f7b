/**
 * The job and timer worker. It leases due rows (FOR UPDATE SKIP LOCKED in SQL,
 * so any number of workers share the tables without running a job twice at the
 * same time), runs each job's handler outside any instance transaction, and
 * reports the outcome as a command. A worker that dies mid-job loses its lease
 * when `lock_expires_at` passes and another worker takes the job: jobs run at
 * least once, and a report about a job that is gone is ignored.
 */
import type { Engine, JobView } from '../api';
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import { CommandRejected } from '../runtime/types';
import type { Store, TimerRecord } from '../store/port';
import { BpmnError, type JobHandler } from './job-handler';
import { defaultBackoff, retryBackoff, type BackoffOptions } from './retry';

export interface WorkerOptions {
  engine: Pick<Engine, 'completeJob' | 'failJob' | 'throwError' | 'triggerTimer'>;
  store: Store;
  /** Handlers by job type; the worker claims only these types unless `types` says otherwise. */
  handlers: Record<string, JobHandler>;
  workerId: string;
  /** How long a claim holds; a job still running after it may be claimed again. */
  leaseMs?: number;
  /** Pause between polls when there was nothing to do. */
  pollMs?: number;
  types?: readonly string[];
  /** Jobs claimed per poll; they run concurrently. */
  batchSize?: number;
  /**
   * Timers claimed per poll, fired concurrently (each in its own transaction);
   * default `batchSize` when given, else 50. Firing a timer is one short
   * command, so a worker can take many more of them than jobs.
   */
  timerBatchSize?: number;
  /** Whether this worker also fires due timers. */
  timers?: boolean;
  backoff?: BackoffOptions;
  clock?: Clock;
  /** Where failures to report an outcome go (the job itself is safe: its lease runs out). */
  onError?: (error: unknown, subject: { jobId?: string; timerId?: string }) => void;
}

export interface RunSummary {
  jobs: number;
  timers: number;
}

export interface Worker {
  /** Polls until stopped; calling it twice starts one loop. */
  start(): void;
  /**
   * Stops polling and waits for the jobs in hand to be reported; with `abort`,
   * their handlers' signal is aborted first (they fail and are retried later).
   */
  stop(options?: { abort?: boolean }): Promise<void>;
  /** Claims and runs one batch of due timers and jobs. */
  runOnce(): Promise<RunSummary>;
}

const isGone = (error: unknown) => error instanceof CommandRejected;

export function createWorker(options: WorkerOptions): Worker {
  const { engine, store, handlers, workerId } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  const timerBatchSize = options.timerBatchSize ?? options.batchSize ?? 50;
  const types = options.types ?? Object.keys(handlers);
  const clock = options.clock ?? systemClock;
  const backoff = options.backoff ?? defaultBackoff;
  const onError =
    options.onError ??
    ((error: unknown, subject: { jobId?: string; timerId?: string }) =>
      console.error(`worker ${workerId}: ${subject.jobId ?? subject.timerId ?? ''}`, error));

  const controller = new AbortController();
  let running: Promise<void> | null = null;
  let sleeping: { timer: ReturnType<typeof setTimeout>; wake: () => void } | null = null;
  let stopped = false;

  async function report(job: JobView, outcome: () => Promise<unknown>) {
    try {
      await outcome();
    } catch (error) {
      if (!isGone(error)) onError(error, { jobId: job.id });
    }
  }

  async function runJob(job: JobView) {
    const handler = handlers[job.type];
    if (!handler) return;
    try {
      const result = await handler(job, { workerId, signal: controller.signal });
      await report(job, () => engine.completeJob(job.id, result?.variables));
    } catch (error) {
      if (error instanceof BpmnError) {
        const thrown: {
          errorCode: string;
          errorMessage?: string;
          variables?: typeof error.variables;
        } = {
          errorCode: error.errorCode,
          errorMessage: error.message,
        };
        if (error.variables !== undefined) thrown.variables = error.variables;
        await report(job, () => engine.throwError(job.id, thrown));
        return;
      }
      const errorMessage = error instanceof Error ? error.message : String(error);
      await report(job, () =>
        engine.failJob(job.id, {
          retries: Math.max(0, job.retries - 1),
          errorMessage,
          retryBackoffMs: retryBackoff(job.failures, backoff),
        }),
      );
    }
  }

  async function fireTimer(timer: TimerRecord) {
    try {
      await engine.triggerTimer(timer.id);
    } catch (error) {
      if (!isGone(error)) onError(error, { timerId: timer.id });
    }
  }

  async function runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { jobs: 0, timers: 0 };
    const now = new Date(clock.now());
    if (options.timers !== false) {
      const due = await store.claimTimers({ workerId, now, leaseMs, limit: timerBatchSize });
      // Each firing is its own transaction and locks only its instance, so firings need not wait for one another.
      await Promise.all(due.map(fireTimer));
      summary.timers = due.length;
    }
    if (types.length > 0) {
      const claimed = await store.claimJobs({ workerId, now, leaseMs, limit: batchSize, types });
      await Promise.all(claimed.map(runJob));
      summary.jobs = claimed.length;
    }
    return summary;
  }

  async function loop() {
    while (!stopped) {
      let busy = false;
      try {
        const summary = await runOnce();
        busy = summary.jobs + summary.timers > 0;
      } catch (error) {
        onError(error, {});
      }
      if (!busy && !stopped) {
        await new Promise<void>((wake) => {
          sleeping = { timer: setTimeout(wake, pollMs), wake };
        });
        sleeping = null;
      }
    }
  }

  return {
    start() {
      if (running) return;
      stopped = false;
      running = loop();
    },
    async stop(stopOptions = {}) {
      stopped = true;
      if (stopOptions.abort) controller.abort();
      if (sleeping) {
        clearTimeout(sleeping.timer);
        sleeping.wake();
      }
      await running;
      running = null;
    },
    runOnce,
  };
}
