import { desc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { processDefinitions } from '@/db/schema';

export interface StartableProcess {
  processId: string;
  name: string;
  version: number;
  deployedAt: Date;
}

/** The newest deployed version of every process, by name: what a member can start. */
export async function listStartableProcesses(db: Database): Promise<StartableProcess[]> {
  const rows = await db
    .selectDistinctOn([processDefinitions.processId], {
      processId: processDefinitions.processId,
      name: processDefinitions.name,
      version: processDefinitions.version,
      deployedAt: processDefinitions.deployedAt,
    })
    .from(processDefinitions)
    .orderBy(processDefinitions.processId, desc(processDefinitions.version));
  return rows
    .map((row) => ({ ...row, name: row.name ?? row.processId }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
