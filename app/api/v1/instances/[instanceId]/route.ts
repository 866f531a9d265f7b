import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { getInstancePage } from '@/lib/instances/get-instance-page';
import { withRole } from '@/lib/route';

/** GET /api/v1/instances/:instanceId — state, variables, incidents, history and open tasks. */
export const GET = withRole(SECTION_ROLES.instances, z.object({}), async ({ params }) => {
  const { instance, history, openTasks, completedIds } = await getInstancePage(
    { db: await getDb(), engine: await getEngine() },
    String(params['instanceId']),
  );
  return { instance, history, openTasks, completedIds };
});
