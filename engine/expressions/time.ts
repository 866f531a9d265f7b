/**
 * ISO 8601 dates, durations and repeating intervals as BPMN timers use them
 * (`2025-03-01T09:00:00Z`, `P3DT4H`, `R3/PT1H`, `R/2025-03-01T09:00:00Z/P1D`).
 * Exact and small on purpose: calendar parts (years, months) move the date in
 * UTC, days count as calendar days in UTC, and the rest is plain arithmetic.
 */

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export interface Cycle {
  /** How many times it fires; null repeats forever (`R/…`). */
  readonly repetitions: number | null;
  /** First firing for `R/start/duration`; otherwise the first firing is one interval from now. */
  readonly start: number | null;
  readonly interval: Duration;
  /** The interval as written, kept for the timer row. */
  readonly intervalText: string;
}

const DURATION =
  /^(-)?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** `P1Y2M3DT4H5M6.5S`, `P2W`; null when the text is not such a duration (or is empty, or negative). */
export function parseDuration(text: string): Duration | null {
  const match = DURATION.exec(text.trim());
  if (!match || match[1] === '-') return null;
  const parts = match.slice(2);
  if (parts.every((part) => part === undefined)) return null;
  if (text.trim().endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((part) =>
    part === undefined ? 0 : Number(part.replace(',', '.')),
  );
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** The moment `duration` after `from` (ms since the epoch). */
export function addDuration(from: number, duration: Duration): number {
  let time = from;
  if (duration.years !== 0 || duration.months !== 0) {
    const date = new Date(from);
    const totalMonths = date.getUTCMonth() + Math.trunc(duration.years * 12 + duration.months);
    const year = date.getUTCFullYear() + Math.floor(totalMonths / 12);
    const month = ((totalMonths % 12) + 12) % 12;
    // 31 January plus one month is the last day of February, as calendars (and java.time) do it.
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    time = Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    );
  }
  const seconds =
    ((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 3600 +
    duration.minutes * 60 +
    duration.seconds;
  return time + Math.round(seconds * 1000);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DATE_TIME_ZONE_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\[UTC\]$/;

/** A date-time with an offset (`…Z`, `…+02:00`), or `…[UTC]` as FEEL prints it; null otherwise. */
export function parseDateTime(text: string): number | null {
  const trimmed = text.trim();
  const zoned = DATE_TIME_ZONE_ID.exec(trimmed);
  const candidate = zoned?.[1] ? `${zoned[1]}Z` : trimmed;
  if (!DATE_TIME.test(candidate)) return null;
  const time = Date.parse(candidate);
  return Number.isNaN(time) ? null : time;
}

/** `R3/PT1H`, `R/PT10M`, `R5/2025-03-01T09:00:00Z/P1D`; null otherwise. */
export function parseCycle(text: string): Cycle | null {
  const parts = text.trim().split('/');
  const head = parts[0] ?? '';
  const repeat = /^R(\d*)$/.exec(head);
  if (!repeat || parts.length < 2 || parts.length > 3) return null;
  const repetitions = repeat[1] === '' || repeat[1] === undefined ? null : Number(repeat[1]);
  if (repetitions !== null && repetitions < 1) return null;
  const intervalText = parts.length === 3 ? (parts[2] ?? '') : (parts[1] ?? '');
  const interval = parseDuration(intervalText);
  if (!interval || addDuration(0, interval) <= 0) return null;
  let start: number | null = null;
  if (parts.length === 3) {
    start = parseDateTime(parts[1] ?? '');
    if (start === null) return null;
  }
  return { repetitions, start, interval, intervalText };
}
