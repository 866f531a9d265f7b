import { NextResponse } from 'next/server';
import { z } from 'zod';
import { createDraft } from '@/lib/designer/create-draft';
import { EDITOR_ROLES, READER_ROLES } from '@/lib/designer/designer-roles';
import { listProcesses } from '@/lib/designer/list-processes';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const GET = withRole(READER_ROLES, z.object({ search: z.string().max(200).optional() }), async ({ input }) => ({
  processes: await listProcesses(await getDb(), input.search),
}));

export const POST = withRole(
  EDITOR_ROLES,
  z.object({ name: z.string().trim().min(1, 'Give the process a name.').max(120) }),
  async ({ input, user }) => {
    const draft = await createDraft(await getDb(), { name: input.name, by: user.name });
    return NextResponse.json({ processId: draft.processId, revision: draft.revision }, { status: 201 });
  },
);
