import type { Database } from '@/db/client';
import { groups, type Group } from '@/db/schema';
import { AppError } from '@/lib/action';
import { groupKeyProblem } from './group-key';

/** Creates an empty group queue. Its key is how processes name it and never changes. */
export async function createGroup(
  db: Database,
  input: { key: string; name: string; description?: string },
): Promise<Group> {
  const key = input.key.trim();
  const name = input.name.trim();
  const problem = groupKeyProblem(key);
  if (problem) throw new AppError('invalid', problem, 'key');
  if (name === '') throw new AppError('invalid', 'Give the group a name people recognise.', 'name');
  const [created] = await db
    .insert(groups)
    .values({ key, name, description: input.description?.trim() ?? '' })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError('conflict', `There is already a group with the key “${key}”.`, 'key');
  return created;
}
