import type { Role } from '@/db/schema';

export type { Role };
export const ROLES = ['admin', 'designer', 'member'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  designer: 'Designer',
  member: 'Member',
};

/**
 * Who may open each section. The navigation shows a section only to these
 * roles, and each section's layout refuses everyone else on the server.
 */
export const SECTION_ROLES = {
  processes: ['admin', 'designer', 'member'],
  inbox: ['admin', 'designer', 'member'],
  instances: ['admin', 'designer'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;

export function mayOpen(section: Section, role: Role): boolean {
  return (SECTION_ROLES[section] as readonly Role[]).includes(role);
}
