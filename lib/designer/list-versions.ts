import type { Database } from '@/db/client';
import { processDefinitions, processInstances } from '@/db/schema';
import { and, count, desc, eq } from 'drizzle-orm';

export interface VersionSummary {
  version: number;
  name: string | null;
  deployedBy: string | null;
  deployedAt: Date;
  runningInstances: number;
  /** The newest version is the one new instances start on. */
  live: boolean;
}

/** The deployed versions of a process, newest first. */
export async function listVersions(db: Database, processId: string): Promise<VersionSummary[]> {
  const [definitions, running] = await Promise.all([
    db
      .select({
        version: processDefinitions.version,
        name: processDefinitions.name,
        deployedBy: processDefinitions.deployedBy,
        deployedAt: processDefinitions.deployedAt,
      })
      .from(processDefinitions)
      .where(eq(processDefinitions.processId, processId))
      .orderBy(desc(processDefinitions.version)),
    db
      .select({ version: processInstances.definitionVersion, running: count() })
      .from(processInstances)
      .where(and(eq(processInstances.processId, processId), eq(processInstances.status, 'active')))
      .groupBy(processInstances.definitionVersion),
  ]);
  const runningOf = new Map(running.map((row) => [row.version, row.running]));
  return definitions.map((definition, index) => ({
    ...definition,
    runningInstances: runningOf.get(definition.version) ?? 0,
    live: index === 0,
  }));
}
