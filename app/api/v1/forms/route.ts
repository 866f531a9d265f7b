import { NextResponse } from 'next/server';
import { z } from 'zod';
import { createForm } from '@/lib/designer/create-form';
import { EDITOR_ROLES, READER_ROLES } from '@/lib/designer/designer-roles';
import { listForms } from '@/lib/designer/list-forms';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const GET = withRole(READER_ROLES, z.object({}), async () => ({ forms: await listForms(await getDb()) }));

export const POST = withRole(
  EDITOR_ROLES,
  z.object({ name: z.string().trim().min(1, 'Give the form a name.').max(120) }),
  async ({ input, user }) => {
    const form = await createForm(await getDb(), { name: input.name, by: user.name });
    return NextResponse.json({ formId: form.formId, revision: form.revision }, { status: 201 });
  },
);
