/**
 * A generated org chart: one head with unlimited authority and eleven levels
 * below (12 in all), each level about 2.17 times the one above, 10,000 people.
 * Limits halve at every level, so a large request from the bottom climbs the
 * whole chain. A few people are inactive and a few are away with a delegate,
 * so the resolver meets its skip and delegation rules on the way. Everything
 * comes from a seeded generator: every run builds the same chart.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, orgChartVersion, type NewEmployee } from '@/db/schema';

export const PEOPLE = 10_000;
export const LEVELS = 12;
/** Level 1's limit in cents (500,000.00 USD); each level below has half. */
const TOP_LIMIT = 50_000_000;
const INACTIVE_SHARE = 0.01;
const DELEGATING_SHARE = 0.005;

/** A small deterministic generator (mulberry32), so charts and request orders repeat across runs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const idOf = (index: number) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

export interface OrgChart {
  rows: NewEmployee[];
  /** Who delegates to whom (applied after every row exists). */
  delegations: Array<{ id: string; delegateId: string }>;
  /** Ids of the people on the lowest level: the requesters. */
  bottom: string[];
}

function levelSizes(): number[] {
  // The growth factor that makes LEVELS levels add up to about PEOPLE.
  let low = 1.01;
  let high = 10;
  const total = (r: number) =>
    Array.from({ length: LEVELS }, (_, l) => Math.max(1, Math.round(r ** l))).reduce(
      (s, n) => s + n,
      0,
    );
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (total(mid) < PEOPLE) low = mid;
    else high = mid;
  }
  const sizes = Array.from({ length: LEVELS }, (_, l) => Math.max(1, Math.round(low ** l)));
  sizes[LEVELS - 1]! += PEOPLE - sizes.reduce((s, n) => s + n, 0);
  return sizes;
}

export function generateOrgChart(): OrgChart {
  const random = seeded(20_250_101);
  const rows: NewEmployee[] = [];
  const delegations: OrgChart['delegations'] = [];
  let previous: string[] = [];
  let index = 0;
  let bottom: string[] = [];
  for (const [level, size] of levelSizes().entries()) {
    const current: string[] = [];
    for (let i = 0; i < size; i++) {
      const id = idOf(index++);
      const managerId = level === 0 ? null : previous[Math.floor(random() * previous.length)]!;
      const active = level === 0 || level === LEVELS - 1 || random() >= INACTIVE_SHARE;
      rows.push({
        id,
        name: `Person ${index}`,
        email: `person${index}@bench.example`,
        title: `Level ${level}`,
        managerId,
        authorityLimit: level === 0 ? null : Math.floor(TOP_LIMIT / 2 ** (level - 1)),
        currency: 'USD',
        active,
      });
      if (level > 0 && current.length > 0 && random() < DELEGATING_SHARE) {
        delegations.push({ id, delegateId: current[Math.floor(random() * current.length)]! });
      }
      current.push(id);
    }
    previous = current;
    bottom = current;
  }
  return { rows, delegations, bottom };
}

/** Writes the chart into an empty employees table, managers before their reports. */
export async function seedOrgChart(db: Database, chart: OrgChart): Promise<void> {
  const BATCH = 500;
  for (let start = 0; start < chart.rows.length; start += BATCH) {
    await db.insert(employees).values(chart.rows.slice(start, start + BATCH));
  }
  for (const { id, delegateId } of chart.delegations) {
    await db
      .update(employees)
      .set({ delegateId, delegateFrom: '2000-01-01', delegateUntil: null })
      .where(eq(employees.id, id));
  }
  await db.insert(orgChartVersion).values({ id: 1, version: 1 }).onConflictDoNothing();
  await db.execute('analyze employees');
}
