import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { CommandRejected, type Engine } from '@/engine';

export interface ReturnedTask {
  taskId: string;
  instanceId: string;
  /** The delegate who had the task. */
  from: string;
  /** The delegator it went back to. */
  to: string;
}

type OrphanRow = {
  task_id: string;
  instance_id: string;
  assignee: string;
  delegator_email: string;
};

/**
 * Open approval tasks that a delegate holds for someone whose delegation to
 * them is no longer in effect — the admin cleared or changed the delegate, or
 * moved the dates, or the last day has passed — go back to the delegator,
 * through the engine (assignTask), so the move is in the instance's history
 * (TaskAssigned) and the delegator is mailed. Pass `delegatorIds` to look only at
 * those people (an admin edit); without it every delegation is swept.
 * Delegators who are inactive now keep their delegate: the task would only be
 * stuck with them.
 */
export async function returnDelegatedTasks(
  deps: { db: Database; engine: Engine },
  options: { now: Date; delegatorIds?: readonly string[] },
): Promise<ReturnedTask[]> {
  const ids = options.delegatorIds;
  if (ids && ids.length === 0) return [];
  const today = options.now.toISOString().slice(0, 10);
  const result = await deps.db.execute<OrphanRow>(
    sql`select t.id as task_id, t.instance_id, t.assignee, d.email as delegator_email
        from tasks t
        join employees d on lower(d.email) = lower(t.details->>'onBehalfOf')
        left join employees now_delegate on now_delegate.id = d.delegate_id
        where t.status = 'open'
          and t.details->>'approval' = 'true'
          and t.assignee is not null
          and d.active
          ${ids ? sql`and d.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
          and not (
            now_delegate.id is not null
            and lower(now_delegate.email) = lower(t.assignee)
            and (d.delegate_from is null or d.delegate_from <= ${today}::date)
            and (d.delegate_until is null or d.delegate_until >= ${today}::date)
          )
        order by t.created_at`,
  );
  const returned: ReturnedTask[] = [];
  for (const row of rowsOf<OrphanRow>(result)) {
    if (await returnTask(deps, row)) {
      returned.push({ taskId: row.task_id, instanceId: row.instance_id, from: row.assignee, to: row.delegator_email });
    }
  }
  return returned;
}

/**
 * Hands the task back through the engine, as the delegator taking back their
 * own step: it is then theirs, decided with their own authority, and nobody
 * is shown as having delegated it. Refused (and skipped) when the delegate no
 * longer holds it: decided, escalated or returned by someone else meanwhile.
 */
async function returnTask(deps: { db: Database; engine: Engine }, row: OrphanRow): Promise<boolean> {
  try {
    await deps.engine.assignTask(row.task_id, {
      assignee: row.delegator_email,
      by: row.delegator_email,
      action: 'reassign',
      expectedAssignee: row.assignee,
    });
    return true;
  } catch (error) {
    if (error instanceof CommandRejected) return false;
    throw error;
  }
}

/** node-postgres answers with a result object, PGlite too, both holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
