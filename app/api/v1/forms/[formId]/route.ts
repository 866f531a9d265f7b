import { z } from 'zod';
import { EDITOR_ROLES, READER_ROLES } from '@/lib/designer/designer-roles';
import { getForm } from '@/lib/designer/get-form';
import { saveForm } from '@/lib/designer/save-form';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const GET = withRole(READER_ROLES, z.object({}), async ({ params }) =>
  getForm(await getDb(), String(params.formId)),
);

export const PUT = withRole(
  EDITOR_ROLES,
  z.object({
    baseRevision: z.number().int().positive(),
    name: z.string().trim().min(1).max(120),
    schema: z.record(z.string(), z.unknown()),
  }),
  async ({ input, params, user }) => {
    const form = await saveForm(await getDb(), { formId: String(params.formId), ...input, by: user.name });
    return { revision: form.revision, updatedAt: form.updatedAt, updatedBy: form.updatedBy };
  },
);
