import type { Database } from '@/db/client';
import { processDefinitions } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { DesignerError } from './designer-error';

/** The BPMN XML of one deployed version, exactly as it was deployed. */
export async function getVersionXml(db: Database, processId: string, version: number): Promise<string> {
  const [row] = await db
    .select({ xml: processDefinitions.xml })
    .from(processDefinitions)
    .where(and(eq(processDefinitions.processId, processId), eq(processDefinitions.version, version)));
  if (!row) throw new DesignerError('not_found', `Process "${processId}" has no version ${version}.`);
  return row.xml;
}
