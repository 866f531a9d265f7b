import { inArray } from 'drizzle-orm';
import { pathToFileURL } from 'node:url';
import type { Database } from '@/db/client';
import { employees, groupMembers, groups, orgChartVersion, users } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';

interface DemoPerson {
  name: string;
  email: string;
  title: string;
  manager: string | null;
  /** In whole units of the company currency; null = unlimited. */
  limit: number | null;
}

const person = (
  name: string,
  title: string,
  manager: string | null,
  limit: number | null,
): DemoPerson => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@baton.example`,
  title,
  manager: manager && `${manager}@baton.example`,
  limit,
});

/** Five levels, managers before their reports, so each manager exists when a report is inserted. */
export const DEMO_ORG_CHART: readonly DemoPerson[] = [
  person('Margaret Okafor', 'Chief Executive Officer', null, null),
  person('Daniel Reyes', 'VP Operations', 'margaret.okafor', 250_000),
  person('Priya Raman', 'VP Finance', 'margaret.okafor', 250_000),
  person('Thomas Berg', 'Director of Procurement', 'daniel.reyes', 50_000),
  person('Aisha Bello', 'Director of Facilities', 'daniel.reyes', 50_000),
  person('Lukas Novak', 'Director of Finance Operations', 'priya.raman', 50_000),
  person('Hannah Kim', 'Director of Business Systems', 'priya.raman', 50_000),
  person('Sofia Marino', 'Purchasing Manager', 'thomas.berg', 5_000),
  person('James Whitfield', 'Facilities Manager', 'aisha.bello', 5_000),
  person('Chen Wei', 'Accounts Payable Manager', 'lukas.novak', 5_000),
  person('Olivia Grant', 'IT Operations Manager', 'hannah.kim', 5_000),
  person('Sam Patel', 'Buyer', 'sofia.marino', 100),
  person('Grace Mensah', 'Buyer', 'sofia.marino', 100),
  person('Yuki Tanaka', 'Procurement Analyst', 'sofia.marino', 100),
  person('Mateo Alvarez', 'Facilities Coordinator', 'james.whitfield', 100),
  person('Ruth Adeyemi', 'Maintenance Technician', 'james.whitfield', 100),
  person('Kofi Asante', 'Accounts Payable Specialist', 'chen.wei', 100),
  person('Emma Schultz', 'Accounts Payable Specialist', 'chen.wei', 100),
  person('Ines Carvalho', 'Process Analyst', 'olivia.grant', 100),
  person('Noah Fischer', 'Systems Administrator', 'olivia.grant', 100),
];

/**
 * A group queue for the demo: the purchase request's approval falls back to
 * it when the manager chain cannot produce an approver. Its members are demo
 * accounts, so the queue can be tried by signing in.
 */
export const DEMO_GROUP = {
  key: 'finance',
  name: 'Finance approvers',
  description: 'Decide purchase requests the manager chain cannot: no manager, a gap in the chain, or nobody with the authority.',
  members: ['daniel.reyes@baton.example', 'thomas.berg@baton.example'],
} as const;

/** How many minor units one unit of the currency has (100 for USD, 1 for JPY). */
export function minorUnitsPerUnit(currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return 10 ** digits;
}

export interface SeedOptions {
  /** The company currency; limits are kept in it. Default: BATON_CURRENCY. */
  currency?: string;
  /** Password of the demo accounts. Default: BATON_DEMO_PASSWORD. */
  demoPassword?: string;
}

/**
 * Adds the demo org chart, demo accounts and demo group. Only what is missing is inserted
 * (matched by email), so a second run changes nothing and edits made in the app
 * survive a restart.
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<void> {
  const currency = options.currency ?? env().BATON_CURRENCY;
  const demoPassword = options.demoPassword ?? env().BATON_DEMO_PASSWORD;
  const factor = minorUnitsPerUnit(currency);
  const accountEmails = DEMO_ACCOUNTS.map((account) => account.email);
  const existingAccounts = new Set(
    (
      await db.select({ email: users.email }).from(users).where(inArray(users.email, accountEmails))
    ).map((row) => row.email),
  );
  // Hashing is deliberately slow, so it happens outside the transaction and only for new accounts.
  const passwordHash =
    existingAccounts.size < accountEmails.length ? await hashPassword(demoPassword) : '';

  await db.transaction(async (tx) => {
    await tx.insert(orgChartVersion).values({ id: 1, version: 1 }).onConflictDoNothing();

    const idByEmail = new Map<string, string>();
    const remember = async () => {
      const rows = await tx
        .select({ id: employees.id, email: employees.email })
        .from(employees)
        .where(
          inArray(
            employees.email,
            DEMO_ORG_CHART.map((p) => p.email),
          ),
        );
      for (const row of rows) idByEmail.set(row.email, row.id);
    };
    await remember();
    const missing = DEMO_ORG_CHART.filter((p) => !idByEmail.has(p.email));
    for (const p of missing) {
      const [row] = await tx
        .insert(employees)
        .values({
          name: p.name,
          email: p.email,
          title: p.title,
          managerId: p.manager ? (idByEmail.get(p.manager) ?? null) : null,
          authorityLimit: p.limit === null ? null : p.limit * factor,
          currency,
        })
        .onConflictDoNothing()
        .returning({ id: employees.id, email: employees.email });
      if (row) idByEmail.set(row.email, row.id);
    }
    if (missing.length > 0) await remember();

    const byEmail = new Map(DEMO_ORG_CHART.map((p) => [p.email, p]));
    const newAccounts = DEMO_ACCOUNTS.filter((account) => !existingAccounts.has(account.email));
    if (newAccounts.length > 0) {
      await tx
        .insert(users)
        .values(
          newAccounts.map((account) => ({
            email: account.email,
            name: byEmail.get(account.email)?.name ?? account.email,
            passwordHash,
            role: account.role,
            employeeId: idByEmail.get(account.email) ?? null,
          })),
        )
        .onConflictDoNothing();
    }

    // Members are added only with the group, so people an admin took out stay out.
    const [group] = await tx
      .insert(groups)
      .values({ key: DEMO_GROUP.key, name: DEMO_GROUP.name, description: DEMO_GROUP.description })
      .onConflictDoNothing()
      .returning({ key: groups.key });
    if (group) {
      const members = await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.email, [...DEMO_GROUP.members]));
      if (members.length > 0) {
        await tx
          .insert(groupMembers)
          .values(members.map((member) => ({ groupKey: group.key, userId: member.id })))
          .onConflictDoNothing();
      }
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { openConfiguredDatabase } = await import('@/lib/db');
  const { migrate } = await import('@/db/migrate');
  const { seedDemoProcess } = await import('@/db/seed-demo-process');
  const handle = await openConfiguredDatabase();
  try {
    await migrate(handle);
    await seed(handle.db);
    await seedDemoProcess(handle.db);
    console.log(`Seeded the demo data (${handle.kind}: ${handle.location}).`);
  } finally {
    await handle.close();
  }
}
