import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { employees, users } from '@/db/schema';

/**
 * Display names for emails: the org chart's name, else the account's, else the
 * email itself. The engine stores people by email; mails and pages show names.
 */
export async function namesByEmail(db: Database, emails: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()).filter(Boolean))];
  const names = new Map<string, string>();
  if (wanted.length === 0) return names;
  const lower = (column: typeof employees.email | typeof users.email) => sql<string>`lower(${column})`;
  const [people, accounts] = await Promise.all([
    db.select({ email: lower(employees.email), name: employees.name }).from(employees).where(inArray(lower(employees.email), wanted)),
    db.select({ email: lower(users.email), name: users.name }).from(users).where(inArray(lower(users.email), wanted)),
  ]);
  for (const row of accounts) names.set(row.email, row.name);
  for (const row of people) names.set(row.email, row.name);
  return names;
}

export function nameOf(names: Map<string, string>, email: string | null | undefined): string {
  if (!email) return 'someone';
  return names.get(email.toLowerCase()) ?? email;
}
