import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, processDefinitions, processInstances, tasks } from '@/db/schema';
import { requestStatus, type RequestStatus } from './request-status';

export interface MyRequest {
  id: string;
  processId: string;
  processName: string;
  title: string | null;
  amount: number | null;
  status: RequestStatus;
  /** Who has the open tasks (names, or "group: name"), while it waits. */
  waitingFor: string[];
  incident: string | null;
  /** The task to open to follow the request and its comment thread: the open one, else the latest. */
  taskId: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

/** The instances a person started, newest first, with where each one stands. */
export async function listMyRequests(
  db: Database,
  email: string,
  limit = 50,
): Promise<MyRequest[]> {
  const variables = sql`${processInstances.state}->'variables'->${processInstances.id}`;
  const rows = await db
    .select({
      id: processInstances.id,
      processId: processInstances.processId,
      status: processInstances.status,
      hasIncident: processInstances.hasIncident,
      startedAt: processInstances.startedAt,
      endedAt: processInstances.endedAt,
      title: sql<string | null>`${variables}->>'title'`,
      amount: sql<string | null>`${variables}->>'amount'`,
      approved: sql<
        boolean | null
      >`case when jsonb_typeof(${variables}->'approved') = 'boolean' then (${variables}->'approved')::text::boolean end`,
      incident: sql<string | null>`${processInstances.state}->'incidents'->0->>'message'`,
      processName: processDefinitions.name,
    })
    .from(processInstances)
    .innerJoin(processDefinitions, eq(processDefinitions.id, processInstances.definitionId))
    .where(eq(processInstances.startedBy, email))
    .orderBy(desc(processInstances.startedAt))
    .limit(limit);
  const waiting = new Map<string, string[]>();
  const active = rows.filter((row) => row.status === 'active').map((row) => row.id);
  if (active.length > 0) {
    const open = await db
      .select({
        instanceId: tasks.instanceId,
        assignee: tasks.assignee,
        groups: tasks.candidateGroups,
      })
      .from(tasks)
      .where(and(inArray(tasks.instanceId, active), eq(tasks.status, 'open')));
    const assignees = [...new Set(open.flatMap((task) => (task.assignee ? [task.assignee] : [])))];
    const names = new Map(
      assignees.length
        ? (
            await db
              .select({ email: employees.email, name: employees.name })
              .from(employees)
              .where(inArray(employees.email, assignees))
          ).map((person) => [person.email, person.name])
        : [],
    );
    for (const task of open) {
      const who = task.assignee
        ? (names.get(task.assignee) ?? task.assignee)
        : task.groups.length
          ? `group: ${task.groups.join(', ')}`
          : 'unassigned';
      waiting.set(task.instanceId, [...(waiting.get(task.instanceId) ?? []), who]);
    }
  }
  const latestTask = new Map<string, string>();
  if (rows.length > 0) {
    const latest = await db
      .selectDistinctOn([tasks.instanceId], { instanceId: tasks.instanceId, id: tasks.id })
      .from(tasks)
      .where(
        inArray(
          tasks.instanceId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(tasks.instanceId, sql`${tasks.status} = 'open' desc`, desc(tasks.createdAt));
    for (const task of latest) latestTask.set(task.instanceId, task.id);
  }
  return rows.map((row) => ({
    id: row.id,
    processId: row.processId,
    processName: row.processName ?? row.processId,
    title: row.title,
    amount: row.amount === null || Number.isNaN(Number(row.amount)) ? null : Number(row.amount),
    status: requestStatus(row),
    waitingFor: waiting.get(row.id) ?? [],
    incident: row.hasIncident ? row.incident : null,
    taskId: latestTask.get(row.id) ?? null,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
  }));
}
