import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { instanceQuerySchema, listInstances } from '@/lib/instances/list-instances';
import { startRequest } from '@/lib/requests/start-request';
import { withRole } from '@/lib/route';

/** GET /api/v1/instances — the operators' list, with the filters of /instances. */
export const GET = withRole(SECTION_ROLES.instances, instanceQuerySchema, async ({ input }) =>
  listInstances(await getDb(), input),
);

/**
 * POST /api/v1/instances — `{ processId, values }` starts a request as the
 * caller, its start form checked on the server (422 naming the field).
 */
export const POST = withRole(
  SECTION_ROLES.inbox,
  z.object({ processId: z.string().min(1).max(200), values: z.record(z.string(), z.unknown()).default({}) }),
  async ({ input, user }) => {
    const instance = await startRequest(
      { db: await getDb(), engine: await getEngine() },
      { processId: input.processId, values: input.values, startedBy: user.email },
    );
    return Response.json({ id: instance.id, status: instance.status }, { status: 201 });
  },
);
