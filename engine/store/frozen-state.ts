/**
 * Instance state as JSON would store it, deeply frozen, sharing every part
 * that a frozen earlier version already has. The memory store keeps its rows
 * this way, and engines keep the instances they saved last this way: a copy
 * no caller can change, that costs only what changed since the last one.
 */
import type { InstanceState } from '../runtime/types';
import { keyedByIds } from '../runtime/state';

/**
 * The value as JSON would store it (no undefined properties, dates as ISO
 * strings, non-finite numbers as null), deeply frozen. Frozen parts were
 * stored before and never change, so they are shared instead of copied.
 */
export function stored<T>(value: T): T {
  return toStored(value) as T;
}

function toStored(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Date) return value.toJSON();
  if (Array.isArray(value)) {
    return Object.freeze(
      value.map((item: unknown) =>
        item === undefined || typeof item === 'function' ? null : toStored(item),
      ),
    );
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') out[key] = toStored(item);
  }
  return Object.freeze(out);
}

/**
 * The state as stored: like `stored`, except that an element instance or a
 * scope's variables equal to what the previous version stored is that stored
 * value again (the step copies every element instance it is given, and
 * changes a few), and that the maps keyed by generated ids stay in the
 * representation the step uses for them (see `keyedByIds`).
 */
export function storedState(state: InstanceState, previous?: InstanceState): InstanceState {
  if (Object.isFrozen(state)) return state;
  const out: Record<string, unknown> = {};
  for (const key in state) {
    const item = (state as unknown as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const depth = KEYED_DEPTH[key];
    out[key] =
      depth === undefined
        ? toStored(item)
        : storedMap(
            item as Record<string, unknown>,
            previous?.[key as keyof InstanceState] as Record<string, unknown> | undefined,
            depth,
          );
  }
  return Object.freeze(out) as unknown as InstanceState;
}

/** How deep a value of each id-keyed map is compared with the stored one: element → data → triggers. */
const KEYED_DEPTH: Partial<Record<string, number>> = {
  elements: 3,
  variables: 1,
  joins: 1,
  compensations: 0,
};

function storedMap(
  map: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  depth: number,
): unknown {
  if (Object.isFrozen(map)) return map;
  let out: Record<string, unknown> | null = null;
  for (const id in map) {
    const value = map[id];
    if (value === undefined) continue;
    out ??= keyedByIds();
    const before = previous?.[id];
    out[id] = before !== undefined && unchanged(value, before, depth) ? before : toStored(value);
  }
  return Object.freeze(out ?? {});
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether `next` has what `stored` has: the same values, comparing plain objects key by key `depth` levels deep. */
function unchanged(next: unknown, stored: unknown, depth: number): boolean {
  if (next === stored) return true;
  if (depth === 0 || !isObject(next) || !isObject(stored)) return false;
  let keys = 0;
  for (const key in next) {
    if (!unchanged(next[key], stored[key], depth - 1)) return false;
    keys++;
  }
  for (const _ in stored) keys--;
  return keys === 0;
}
