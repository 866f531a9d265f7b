import type { Database } from '@/db/client';
import type { Engine } from '@/engine';
import { AppError } from '@/lib/action';
import { applyOrgChange, type OrgActor } from './apply-org-change';
import { loadOrgRows } from './load-org-rows';
import { lockOrgChart } from './lock-org-chart';
import { planOrgChange, type OrgEdit, type OrgPlan } from './plan-org-change';
import { returnDelegatedTasks, type ReturnedTask } from './return-delegated-tasks';

export interface SavePeopleDeps {
  db: Database;
  currency: string;
  now?: () => Date;
  /**
   * The engine, to give open approval tasks back to their delegator when an
   * edit ends a delegation. It runs its own transactions, so this happens
   * right after the org-chart change commits.
   */
  engine?: Engine;
}

const DELEGATION_FIELDS: ReadonlySet<string> = new Set(['delegate', 'delegate_from', 'delegate_until']);

export interface SavePeopleInput {
  actor: OrgActor & { employeeId: string | null };
  edits: OrgEdit[];
  reason: string;
}

/**
 * Plans and applies a batch of org-chart edits in one transaction under the
 * org-chart lock. An invalid plan rolls back and is returned for the caller
 * to report; a valid one is written with its audit rows and a new version.
 * Then, when a delegation was changed, the open approval tasks it no longer
 * covers go back to their delegators (`returned`).
 */
export async function savePeople(
  deps: SavePeopleDeps,
  input: SavePeopleInput,
): Promise<{ plan: OrgPlan; version: number | null; returned: ReturnedTask[] }> {
  const saved = await save(deps, input);
  const delegators = saved.plan.edits
    .filter((edit) => !edit.isNew && edit.changes.some((change) => DELEGATION_FIELDS.has(change.field)))
    .map((edit) => edit.id);
  const returned =
    deps.engine && saved.version !== null && delegators.length > 0
      ? await returnDelegatedTasks(
          { db: deps.db, engine: deps.engine },
          { now: deps.now?.() ?? new Date(), delegatorIds: delegators },
        )
      : [];
  return { ...saved, returned };
}

async function save(
  deps: SavePeopleDeps,
  input: SavePeopleInput,
): Promise<{ plan: OrgPlan; version: number | null }> {
  try {
    return await deps.db.transaction(async (tx) => {
      await lockOrgChart(tx);
      const plan = planOrgChange(await loadOrgRows(tx), input.edits, {
        currency: deps.currency,
        actorEmployeeId: input.actor.employeeId,
        reason: input.reason,
      });
      if (!plan.valid) throw new RejectedPlan(plan);
      const version = await applyOrgChange(tx, plan, {
        actor: input.actor,
        reason: input.reason,
        currency: deps.currency,
        now: deps.now?.() ?? new Date(),
      });
      return { plan, version };
    });
  } catch (error) {
    if (error instanceof RejectedPlan) return { plan: error.plan, version: null };
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Someone else already has that email address.', 'email');
    }
    throw error;
  }
}

/** Thrown inside the transaction so that it rolls back; caught right outside it. */
class RejectedPlan extends Error {
  constructor(readonly plan: OrgPlan) {
    super('The org-chart change is not valid.');
  }
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  while (current instanceof Error) {
    if ((current as Error & { code?: string }).code === '23505') return true;
    current = current.cause;
  }
  return false;
}
