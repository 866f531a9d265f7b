'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { env } from '@/lib/env';
import { addEmployee } from '@/lib/org/add-employee';
import { importOrgCsv } from '@/lib/org/import-org-csv';
import { updateEmployee } from '@/lib/org/update-employee';

const deps = async () => ({ db: await getDb(), currency: env().BATON_CURRENCY });
/** With the engine: an edit that ends a delegation gives its open approval tasks back. */
const depsWithEngine = async () => ({ ...(await deps()), engine: await getEngine() });
const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name, employeeId: user.employeeId });
const optionalId = z.uuid('Choose someone from the list.').nullable();
const optionalDay = z.string().max(10).nullable();

const person = z.object({
  name: z.string().max(200),
  email: z.string().max(320),
  title: z.string().max(200),
  managerId: optionalId,
  limit: z.string().max(40),
  active: z.boolean(),
  delegateId: optionalId,
  delegateFrom: optionalDay,
  delegateUntil: optionalDay,
});
const reason = z.string().max(1000, 'Keep the reason under 1,000 characters.');

function refreshOrgPages(id?: string) {
  revalidatePath('/admin/org');
  revalidatePath('/admin/audit');
  revalidatePath('/admin');
  if (id) revalidatePath(`/admin/org/${id}`);
}

export const updatePersonAction = withRole(
  SECTION_ROLES.admin,
  z.object({ id: z.uuid(), person, reason }),
  async (input, { user }) => {
    const result = await updateEmployee(await depsWithEngine(), {
      actor: actorOf(user),
      id: input.id,
      person: input.person,
      reason: input.reason,
    });
    refreshOrgPages(input.id);
    return { changes: result.changes.length, version: result.version, returnedTasks: result.returned.length };
  },
);

export const addPersonAction = withRole(
  SECTION_ROLES.admin,
  z.object({ person, reason }),
  async (input, { user }) => {
    const result = await addEmployee(await deps(), {
      actor: actorOf(user),
      person: input.person,
      reason: input.reason,
    });
    refreshOrgPages(result.id);
    return { id: result.id };
  },
);

export const importCsvAction = withRole(
  SECTION_ROLES.admin,
  z.object({
    csv: z.string().min(1, 'Choose a CSV file or paste its text.').max(5_000_000, 'The file is larger than 5 MB.'),
    apply: z.boolean(),
  }),
  async (input, { user }) => {
    const report = await importOrgCsv(input.apply ? await depsWithEngine() : await deps(), { csv: input.csv, apply: input.apply, actor: actorOf(user) });
    if (report.applied) refreshOrgPages();
    return report;
  },
);
