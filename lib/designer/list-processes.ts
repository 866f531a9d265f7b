import type { Database } from '@/db/client';
import { processDefinitions, processDrafts, processInstances } from '@/db/schema';
import { count, desc, eq, max } from 'drizzle-orm';

export type DraftState = 'new' | 'deployed' | 'changed';

export interface ProcessSummary {
  processId: string;
  name: string;
  /** Latest deployed version, null when never deployed. */
  latestVersion: number | null;
  /** new: never deployed; deployed: the draft is what runs; changed: edited since the last deploy. */
  draftState: DraftState;
  runningInstances: number;
  changedBy: string | null;
  changedAt: Date | null;
}

/**
 * Every process Baton knows: those with a draft and those only deployed
 * (by the seed or the API), newest change first, optionally filtered by a
 * search over name and process id.
 */
export async function listProcesses(db: Database, search?: string): Promise<ProcessSummary[]> {
  const [drafts, latest, running] = await Promise.all([
    db.select().from(processDrafts),
    db
      .select({ processId: processDefinitions.processId, version: max(processDefinitions.version) })
      .from(processDefinitions)
      .groupBy(processDefinitions.processId),
    db
      .select({ processId: processInstances.processId, running: count() })
      .from(processInstances)
      .where(eq(processInstances.status, 'active'))
      .groupBy(processInstances.processId),
  ]);
  const versionOf = new Map(latest.map((row) => [row.processId, row.version]));
  const runningOf = new Map(running.map((row) => [row.processId, row.running]));

  const summaries = new Map<string, ProcessSummary>();
  for (const draft of drafts) {
    const latestVersion = versionOf.get(draft.processId) ?? null;
    summaries.set(draft.processId, {
      processId: draft.processId,
      name: draft.name,
      latestVersion,
      draftState:
        latestVersion === null ? 'new' : draft.deployedRevision === draft.revision ? 'deployed' : 'changed',
      runningInstances: runningOf.get(draft.processId) ?? 0,
      changedBy: draft.updatedBy,
      changedAt: draft.updatedAt,
    });
  }

  const undrafted = latest.filter((row) => !summaries.has(row.processId)).map((row) => row.processId);
  if (undrafted.length > 0) {
    const definitions = await db
      .select({
        processId: processDefinitions.processId,
        version: processDefinitions.version,
        name: processDefinitions.name,
        deployedBy: processDefinitions.deployedBy,
        deployedAt: processDefinitions.deployedAt,
      })
      .from(processDefinitions)
      .orderBy(desc(processDefinitions.version));
    for (const definition of definitions) {
      if (summaries.has(definition.processId) || !undrafted.includes(definition.processId)) continue;
      summaries.set(definition.processId, {
        processId: definition.processId,
        name: definition.name ?? definition.processId,
        latestVersion: definition.version,
        draftState: 'deployed',
        runningInstances: runningOf.get(definition.processId) ?? 0,
        changedBy: definition.deployedBy,
        changedAt: definition.deployedAt,
      });
    }
  }

  const needle = search?.trim().toLowerCase() ?? '';
  return [...summaries.values()]
    .filter(
      (p) => needle === '' || p.name.toLowerCase().includes(needle) || p.processId.toLowerCase().includes(needle),
    )
    .sort((a, b) => (b.changedAt?.getTime() ?? 0) - (a.changedAt?.getTime() ?? 0));
}
