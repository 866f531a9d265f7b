/** Where the engine gets the time from; injected so tests and the CLI can control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests and for the CLI's virtual time. */
export interface ManualClock extends Clock {
  set(time: number | Date): void;
  advance(ms: number): void;
}

export function createManualClock(start: number | Date = Date.UTC(2025, 0, 1)): ManualClock {
  let current = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => current,
    set(time) {
      current = typeof time === 'number' ? time : time.getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}
