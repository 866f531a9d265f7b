'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { startRequest } from '@/lib/requests/start-request';

export const startRequestAction = withRole(
  SECTION_ROLES.inbox,
  z.object({ processId: z.string().min(1).max(200), values: z.record(z.string(), z.unknown()) }),
  async (input, { user }) => {
    const instance = await startRequest(
      { db: await getDb(), engine: await getEngine() },
      { processId: input.processId, values: input.values, startedBy: user.email },
    );
    revalidatePath('/requests');
    revalidatePath('/inbox');
    return { instanceId: instance.id };
  },
);
