import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorityChanges, employees, orgChartVersion } from '@/db/schema';
import type { OrgPlan } from './plan-org-change';

export interface OrgActor {
  /** The user id of the admin. */
  id: string;
  name: string;
}

/**
 * Writes a valid plan inside the caller's transaction (after lockOrgChart):
 * the people, one audit row per changed field, and the next org-chart version,
 * so an approval never sees a change without its audit or its version.
 * Returns the new version, or null when nothing changed.
 */
export async function applyOrgChange(
  tx: Database,
  plan: OrgPlan,
  context: { actor: OrgActor; reason: string; currency: string; now: Date },
): Promise<number | null> {
  const edits = plan.edits.filter((edit) => edit.changes.length > 0);
  if (edits.length === 0) return null;
  // New people first without references, so rows of one batch may name each other as manager or delegate.
  const added = edits.filter((edit) => edit.isNew);
  if (added.length > 0) {
    await tx.insert(employees).values(
      added.map(({ after }) => ({
        id: after.id,
        name: after.name,
        email: after.email,
        title: after.title,
        authorityLimit: after.limit,
        currency: context.currency,
        active: after.active,
        createdAt: context.now,
        updatedAt: context.now,
      })),
    );
  }
  for (const { after } of edits) {
    await tx
      .update(employees)
      .set({
        name: after.name,
        email: after.email,
        title: after.title,
        managerId: after.managerId,
        authorityLimit: after.limit,
        active: after.active,
        delegateId: after.delegateId,
        delegateFrom: after.delegateFrom,
        delegateUntil: after.delegateUntil,
        updatedAt: context.now,
      })
      .where(eq(employees.id, after.id));
  }
  await tx.insert(authorityChanges).values(
    edits.flatMap((edit) =>
      edit.changes.map((change) => ({
        employeeId: edit.id,
        changedBy: context.actor.id,
        changedByName: context.actor.name,
        field: change.field,
        oldValue: change.from,
        newValue: change.to,
        reason: context.reason.trim(),
        changedAt: context.now,
      })),
    ),
  );
  const [row] = await tx
    .update(orgChartVersion)
    .set({ version: sql`${orgChartVersion.version} + 1`, updatedAt: context.now })
    .where(eq(orgChartVersion.id, 1))
    .returning({ version: orgChartVersion.version });
  return row?.version ?? null;
}
