import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { groupsOf, type TaskActor } from './task-actor';

/**
 * Open tasks the actor may work on: assigned to them, or unassigned and
 * offered to them by name or through a group. Written so PostgreSQL can
 * answer each branch from its index (the assignee b-tree, the GIN indexes on
 * candidate users and groups, which only hold open tasks) and OR the bitmaps.
 */
export function inboxScope(actor: TaskActor): SQL {
  const me = actor.email;
  const groups = groupsOf(actor);
  return and(
    eq(tasks.status, 'open'),
    or(
      eq(tasks.assignee, me),
      and(
        isNull(tasks.assignee),
        or(
          sql`${tasks.candidateUsers} @> ARRAY[${me}]::text[]`,
          sql`${tasks.candidateGroups} && ARRAY[${sql.join(
            groups.map((group) => sql`${group}`),
            sql`, `,
          )}]::text[]`,
        ),
      ),
    ),
  )!;
}

/** Assigned to the actor because someone handed it over: an org-chart delegation or a reassignment. */
export const delegatedCondition = sql`(${tasks.details}->>'onBehalfOf' IS NOT NULL OR ${tasks.details}->>'delegatedBy' IS NOT NULL)`;
