import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/action';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { getTaskPage, type TaskPage } from '@/lib/tasks/get-task-page';

/** The task page for the signed-in user, read once per request (the layout checks access, the page renders). */
export const loadTaskPage = cache(async (taskId: string): Promise<TaskPage> => {
  const user = await requireSection('inbox');
  try {
    return await getTaskPage({ db: await getDb(), engine: await getEngine() }, { taskId, actor: user });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError && error.code === 'forbidden') forbidden();
    throw error;
  }
});
