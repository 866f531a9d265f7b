import { CommandRejected, type Engine, type InstanceView } from '@/engine';
import { AppError } from '@/lib/action';

/** Cancels a running instance; the reason and the operator are recorded in its history. */
export async function cancelInstance(
  engine: Engine,
  input: { instanceId: string; reason: string; by: string },
): Promise<InstanceView> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('invalid', 'Give a reason for cancelling.', 'reason');
  try {
    return await engine.cancelInstance(input.instanceId, { reason, by: input.by });
  } catch (error) {
    if (error instanceof CommandRejected) {
      throw new AppError(error.code === 'NOT_FOUND' ? 'not_found' : 'conflict', error.message);
    }
    throw error;
  }
}
