/**
 * Timing primitives. Throughput is measured in rounds of fixed wall-clock
 * length (so the run takes the same time on a fast and a slow machine) and
 * reported as the median round; latency as the distribution of single calls.
 * CPU time comes from process.cpuUsage, so it includes every thread of this
 * process (PGlite's WebAssembly, libuv) but not a separate database server.
 */

export interface Round {
  /** Operations completed in the round. */
  count: number;
  wallMs: number;
  /** User + system CPU of this process during the round. */
  cpuUs: number;
}

export interface Throughput {
  rounds: Round[];
  /** Median over rounds of operations per second. */
  perSecond: number;
  /** Median over rounds of CPU microseconds per operation. */
  cpuUsPerOp: number;
  /** Median over rounds of wall-clock microseconds per operation. */
  wallUsPerOp: number;
  /** Total operations measured (warm-up excluded). */
  total: number;
}

export interface RoundPlan {
  warmupMs: number;
  rounds: number;
  roundMs: number;
}

type Operation = () => unknown;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const cpuOf = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

/**
 * Runs `loops` concurrent async loops of the operation until the deadline.
 * Only awaits when the operation returns a promise, so a synchronous operation
 * is not slowed down by a microtask per call.
 */
async function runFor(operation: Operation, ms: number, loops: number): Promise<Round> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + ms;
  let count = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const result = operation();
      if (result instanceof Promise) await result;
      count++;
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  const wallMs = performance.now() - start;
  return { count, wallMs, cpuUs: cpuOf(process.cpuUsage(cpuBefore)) };
}

/** Warms up, then measures `plan.rounds` rounds with `loops` concurrent callers. */
export async function throughput(
  operation: Operation,
  plan: RoundPlan,
  loops = 1,
): Promise<Throughput> {
  if (plan.warmupMs > 0) await runFor(operation, plan.warmupMs, loops);
  const rounds: Round[] = [];
  for (let i = 0; i < plan.rounds; i++) rounds.push(await runFor(operation, plan.roundMs, loops));
  return summary(rounds);
}

function summary(rounds: Round[]): Throughput {
  return {
    rounds,
    perSecond: median(rounds.map((round) => (round.count * 1000) / round.wallMs)),
    cpuUsPerOp: median(rounds.map((round) => round.cpuUs / round.count)),
    wallUsPerOp: median(rounds.map((round) => (round.wallMs * 1000) / round.count)),
    total: rounds.reduce((sum, round) => sum + round.count, 0),
  };
}

/** A reading taken before and after every round (bytes of log written, say); null when unavailable. */
export type Gauge = () => Promise<number | null>;

export interface Interleaved<K extends string, G extends string> {
  /** Per operation: its throughput, and each gauge's change per operation (null when a reading failed). */
  results: Record<K, Throughput & { perOp: Record<G, number | null> }>;
  /** For each round, operations per second of every operation in it. */
  pairs: Array<Record<K, number>>;
}

/**
 * Measures several operations in alternating rounds (a, b, a, b, …) after a
 * warm-up of each, so a change in the machine's load during the run falls on
 * all of them alike and their ratio per round stays comparable.
 */
export async function interleaved<K extends string, G extends string = never>(
  operations: Record<K, Operation>,
  plan: RoundPlan,
  loops = 1,
  gauges: Record<G, Gauge> = {} as Record<G, Gauge>,
): Promise<Interleaved<K, G>> {
  const keys = Object.keys(operations) as K[];
  const gaugeKeys = Object.keys(gauges) as G[];
  const read = async () =>
    Object.fromEntries(
      await Promise.all(gaugeKeys.map(async (g) => [g, await gauges[g]()] as const)),
    ) as Record<G, number | null>;
  for (const key of keys)
    if (plan.warmupMs > 0) await runFor(operations[key], plan.warmupMs, loops);
  const rounds = Object.fromEntries(keys.map((key) => [key, [] as Round[]])) as Record<K, Round[]>;
  const gauged = Object.fromEntries(
    keys.map((key) => [key, Object.fromEntries(gaugeKeys.map((g) => [g, 0]))]),
  ) as Record<K, Record<G, number | null>>;
  const pairs: Array<Record<K, number>> = [];
  for (let i = 0; i < plan.rounds; i++) {
    const pair = {} as Record<K, number>;
    for (const key of keys) {
      const before = await read();
      const round = await runFor(operations[key], plan.roundMs, loops);
      const after = await read();
      for (const g of gaugeKeys) {
        const [from, to, sum] = [before[g], after[g], gauged[key][g]];
        gauged[key][g] = from === null || to === null || sum === null ? null : sum + to - from;
      }
      rounds[key].push(round);
      pair[key] = (round.count * 1000) / round.wallMs;
    }
    pairs.push(pair);
  }
  const results = Object.fromEntries(
    keys.map((key) => {
      const summarized = summary(rounds[key]);
      const perOp = Object.fromEntries(
        gaugeKeys.map((g) => {
          const sum = gauged[key][g];
          return [g, sum === null ? null : sum / summarized.total];
        }),
      ) as Record<G, number | null>;
      return [key, { ...summarized, perOp }];
    }),
  ) as Interleaved<K, G>['results'];
  return { results, pairs };
}

export interface Latency {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Calls the operation `warmup` times unmeasured, then `count` times one after another, timing each call. */
export async function latency(
  operation: (index: number) => Promise<unknown>,
  warmup: number,
  count: number,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await operation(i);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await operation(warmup + i);
    durations.push(performance.now() - start);
  }
  return {
    samples: count,
    medianMs: median(durations),
    p95Ms: percentile(durations, 95),
    maxMs: Math.max(...durations),
  };
}
