export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** The delay never grows beyond this. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** Exponential backoff: base, 2×base, 4×base, … for the 1st, 2nd, 3rd failure, capped at max. */
export function retryBackoff(
  previousFailures: number,
  options: BackoffOptions = defaultBackoff,
): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, previousFailures));
}
