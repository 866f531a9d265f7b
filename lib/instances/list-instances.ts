import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { processDefinitions, processInstances } from '@/db/schema';

export const INSTANCES_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const instanceQuerySchema = z.object({
  process: z.string().max(200).optional().catch(undefined),
  state: z.enum(['any', 'active', 'completed', 'terminated', 'incident']).catch('any'),
  key: z.string().max(200).optional().catch(undefined),
  startedBy: z.string().max(320).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type InstanceQuery = z.output<typeof instanceQuerySchema>;

export interface InstanceRow {
  id: string;
  processId: string;
  processName: string;
  version: number;
  status: 'active' | 'completed' | 'terminated';
  hasIncident: boolean;
  businessKey: string | null;
  startedBy: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

/**
 * The operators' list, newest first. Filters map onto the instance indexes
 * (process + status + start, status + start, the incident partial index,
 * business key); the date range bounds `started_at`.
 */
export async function listInstances(
  db: Database,
  query: InstanceQuery,
  pageSize = INSTANCES_PAGE_SIZE,
): Promise<{ rows: InstanceRow[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (query.process) conditions.push(eq(processInstances.processId, query.process));
  if (query.state === 'incident') conditions.push(sql`${processInstances.hasIncident}`);
  else if (query.state !== 'any') conditions.push(eq(processInstances.status, query.state));
  if (query.key) conditions.push(eq(processInstances.businessKey, query.key.trim()));
  if (query.startedBy) conditions.push(eq(processInstances.startedBy, query.startedBy.trim()));
  if (query.from) conditions.push(gte(processInstances.startedAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) {
    const end = new Date(`${query.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(processInstances.startedAt, end));
  }
  const rows = await db
    .select({
      id: processInstances.id,
      processId: processInstances.processId,
      processName: processDefinitions.name,
      version: processInstances.definitionVersion,
      status: processInstances.status,
      hasIncident: processInstances.hasIncident,
      businessKey: processInstances.businessKey,
      startedBy: processInstances.startedBy,
      startedAt: processInstances.startedAt,
      endedAt: processInstances.endedAt,
    })
    .from(processInstances)
    .innerJoin(processDefinitions, eq(processDefinitions.id, processInstances.definitionId))
    .where(and(...conditions))
    .orderBy(desc(processInstances.startedAt), desc(processInstances.id))
    .limit(pageSize + 1)
    .offset((query.page - 1) * pageSize);
  return {
    rows: rows.slice(0, pageSize).map((row) => ({ ...row, processName: row.processName ?? row.processId })),
    hasMore: rows.length > pageSize,
  };
}
