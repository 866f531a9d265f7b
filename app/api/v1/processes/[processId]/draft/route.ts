import { z } from 'zod';
import { EDITOR_ROLES } from '@/lib/designer/designer-roles';
import { saveDraft } from '@/lib/designer/save-draft';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const PUT = withRole(
  EDITOR_ROLES,
  z.object({ baseRevision: z.number().int().positive(), xml: z.string().min(1).max(5_000_000) }),
  async ({ input, params, user }) => {
    const draft = await saveDraft(await getDb(), {
      processId: String(params.processId),
      baseRevision: input.baseRevision,
      xml: input.xml,
      by: user.name,
    });
    return { revision: draft.revision, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy, name: draft.name };
  },
);
