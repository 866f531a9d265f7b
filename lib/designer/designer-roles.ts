import type { Role } from '@/lib/auth/roles';

/** Who may change processes and forms (draw, save, import, deploy). */
export const EDITOR_ROLES = ['admin', 'designer'] as const satisfies readonly Role[];

/** Who may look at processes and forms and download them. */
export const READER_ROLES = ['admin', 'designer', 'member'] as const satisfies readonly Role[];

export function mayEditProcesses(role: Role): boolean {
  return (EDITOR_ROLES as readonly Role[]).includes(role);
}
