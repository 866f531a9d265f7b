import type { Role } from '@/lib/auth/roles';

/** Who acts on a task: the signed-in user, or the approver an email link belongs to. */
export interface TaskActor {
  email: string;
  role: Role;
  /** Keys of the groups the person is a member of (the `groups` table); their role is not repeated here. */
  groups?: readonly string[];
}

/**
 * The candidate groups a person belongs to: their role, which is a group
 * without member rows (a task offered to "admin" can be claimed by any
 * administrator), and every group they are a member of.
 */
export function groupsOf(actor: TaskActor): string[] {
  return [...new Set([actor.role, ...(actor.groups ?? [])])];
}
