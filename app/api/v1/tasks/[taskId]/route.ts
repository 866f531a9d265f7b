import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { withRole } from '@/lib/route';
import { getTaskPage } from '@/lib/tasks/get-task-page';

/** GET /api/v1/tasks/:taskId — the task as its page shows it (403 for people with no part in it). */
export const GET = withRole(SECTION_ROLES.inbox, z.object({}), async ({ user, params }) => {
  const { task, approval, chain, decision, may, instance } = await getTaskPage(
    { db: await getDb(), engine: await getEngine() },
    { taskId: String(params['taskId']), actor: user },
  );
  return { task, approval, chain, decision, may, instance };
});
