import { NextResponse } from 'next/server';
import { z } from 'zod';
import { deployDraft } from '@/lib/designer/deploy-draft';
import { EDITOR_ROLES } from '@/lib/designer/designer-roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { withRole } from '@/lib/route';

export const POST = withRole(
  EDITOR_ROLES,
  z.object({ revision: z.number().int().positive() }),
  async ({ input, params, user }) => {
    const deployed = await deployDraft(await getDb(), await getEngine(), {
      processId: String(params.processId),
      revision: input.revision,
      by: user.name,
    });
    return NextResponse.json(
      { version: deployed.version, deployedAt: deployed.deployedAt, deployedBy: deployed.deployedBy },
      { status: 201 },
    );
  },
);
