import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { withRole } from '@/lib/route';
import { decideTask } from '@/lib/tasks/decide-task';

const body = z.union([
  z.object({ decision: z.enum(['approve', 'reject']), comment: z.string().max(4000).optional() }),
  z.object({ variables: z.record(z.string(), z.unknown()).default({}) }),
]);

/**
 * POST /api/v1/tasks/:taskId/complete — `{ decision, comment }` for an approval,
 * `{ variables }` for another user task. 403 unless the caller is the
 * assignee; 409 with who, how and when if the task was already decided.
 */
export const POST = withRole(SECTION_ROLES.inbox, body, async ({ input, user, params }) => {
  const deps = { db: await getDb(), engine: await getEngine() };
  const taskId = String(params['taskId']);
  const instance =
    'decision' in input
      ? await decideTask(deps, { taskId, actor: user, channel: 'api', decision: input.decision, comment: input.comment ?? null })
      : await decideTask(deps, { taskId, actor: user, channel: 'api', variables: input.variables });
  return { instanceId: instance.id, status: instance.status };
});
