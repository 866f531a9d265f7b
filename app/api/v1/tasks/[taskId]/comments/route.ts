import { NextResponse } from 'next/server';
import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { withRole } from '@/lib/route';
import { addTaskComment } from '@/lib/tasks/add-task-comment';
import { getTaskThread } from '@/lib/tasks/get-task-thread';

/**
 * GET /api/v1/tasks/:taskId/comments — the request's thread, oldest first, and
 * whether it still takes comments. 403 for people with no part in the task.
 */
export const GET = withRole(SECTION_ROLES.inbox, z.object({}), async ({ user, params }) => {
  return getTaskThread({ db: await getDb(), engine: await getEngine() }, { taskId: String(params['taskId']), actor: user });
});

/**
 * POST /api/v1/tasks/:taskId/comments — `{ body }`, 1 to 2,000 characters once
 * trimmed (422 naming `body`). 201 with the comment; 403 for people with no
 * part in the task; 409 once the request has ended.
 */
export const POST = withRole(
  SECTION_ROLES.inbox,
  z.object({ body: z.string({ error: 'Write the comment as text.' }) }),
  async ({ input, user, params }) => {
    const comment = await addTaskComment(
      { db: await getDb(), engine: await getEngine() },
      { taskId: String(params['taskId']), actor: user, body: input.body },
    );
    return NextResponse.json({ comment }, { status: 201 });
  },
);
