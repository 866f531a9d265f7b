import { ROLES } from '@/lib/auth/roles';

/**
 * A group's key is how diagrams name it (`candidateGroups="finance"`, a
 * fallback approver `group:finance`): lower case, no spaces, and never a role,
 * because every role already is a group of everyone holding it.
 */
export const GROUP_KEY = /^[a-z][a-z0-9._-]{1,39}$/;

export function groupKeyProblem(key: string): string | null {
  if (!GROUP_KEY.test(key)) {
    return 'Use 2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter.';
  }
  if ((ROLES as readonly string[]).includes(key)) {
    return `“${key}” is a role, and every role is already a group of the people holding it.`;
  }
  return null;
}
