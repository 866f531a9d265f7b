'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { addTaskComment } from '@/lib/tasks/add-task-comment';
import { claimTask } from '@/lib/tasks/claim-task';
import { decideTask } from '@/lib/tasks/decide-task';
import { reassignTask } from '@/lib/tasks/reassign-task';
import { unclaimTask } from '@/lib/tasks/unclaim-task';

const deps = async () => ({ db: await getDb(), engine: await getEngine() });
const taskId = z.string().min(1).max(100);

function refresh(id: string) {
  revalidatePath(`/tasks/${id}`);
  revalidatePath('/inbox');
}

export const decideAction = withRole(
  SECTION_ROLES.inbox,
  z.object({
    taskId,
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(4000).optional(),
  }),
  async (input, { user }) => {
    await decideTask(await deps(), {
      taskId: input.taskId,
      actor: user,
      channel: 'inbox',
      decision: input.decision,
      comment: input.comment ?? null,
    });
    refresh(input.taskId);
    return { decided: input.decision };
  },
);

export const completeAction = withRole(
  SECTION_ROLES.inbox,
  z.object({ taskId, variables: z.record(z.string(), z.unknown()) }),
  async (input, { user }) => {
    await decideTask(await deps(), {
      taskId: input.taskId,
      actor: user,
      channel: 'inbox',
      variables: input.variables,
    });
    refresh(input.taskId);
    return { decided: 'complete' as const };
  },
);

export const claimAction = withRole(SECTION_ROLES.inbox, z.object({ taskId }), async (input, { user }) => {
  await claimTask(await deps(), { taskId: input.taskId, actor: user });
  refresh(input.taskId);
  return null;
});

export const unclaimAction = withRole(SECTION_ROLES.inbox, z.object({ taskId }), async (input, { user }) => {
  await unclaimTask(await deps(), { taskId: input.taskId, actor: user });
  refresh(input.taskId);
  return null;
});

export const reassignAction = withRole(
  SECTION_ROLES.inbox,
  z.object({ taskId, to: z.email('Enter the email of the person to hand the task to.') }),
  async (input, { user }) => {
    await reassignTask(await deps(), { taskId: input.taskId, actor: user, to: input.to });
    refresh(input.taskId);
    return null;
  },
);

export const commentAction = withRole(
  SECTION_ROLES.inbox,
  z.object({ taskId, body: z.string({ error: 'Write the comment as text.' }) }),
  async (input, { user }) => {
    const comment = await addTaskComment(await deps(), { taskId: input.taskId, actor: user, body: input.body });
    revalidatePath(`/tasks/${input.taskId}`);
    return comment;
  },
);
