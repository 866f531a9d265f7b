import { NextResponse } from 'next/server';
import { z } from 'zod';
import { EDITOR_ROLES } from '@/lib/designer/designer-roles';
import { importDraft } from '@/lib/designer/import-draft';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const POST = withRole(
  EDITOR_ROLES,
  z.object({
    xml: z.string().min(1, 'The file is empty.').max(5_000_000, 'The file is larger than 5 MB.'),
    replace: z.boolean().optional(),
  }),
  async ({ input, user }) => {
    const draft = await importDraft(await getDb(), { xml: input.xml, by: user.name, replace: input.replace });
    return NextResponse.json({ processId: draft.processId, revision: draft.revision }, { status: 201 });
  },
);
