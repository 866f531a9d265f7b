import type { Role } from '@/lib/auth/roles';

/** Who acts on a task: the signed-in user, or the approver an email link belongs to. */
export interface TaskActor {
  email: string;
  role: Role;
}

/**
 * The candidate groups a person belongs to. Baton has no group directory yet,
 * so a person's role is their one group: a task offered to "admin" can be
 * claimed by any administrator.
 */
export function groupsOf(actor: TaskActor): string[] {
  return [actor.role];
}
