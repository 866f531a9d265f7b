import { CommandRejected, type Engine, type InstanceView, type Variables } from '@/engine';
import { AppError } from '@/lib/action';

/**
 * Retries an incident, after setting variables first when the operator fixed
 * a value (both are recorded in the history with the operator's email).
 */
export async function retryIncident(
  engine: Engine,
  input: { instanceId: string; incidentId: string; variables?: Variables; by: string },
): Promise<InstanceView> {
  const instance = await engine.getInstance(input.instanceId);
  if (!instance) throw new AppError('not_found', 'There is no such instance.');
  if (!instance.incidents.some((incident) => incident.id === input.incidentId)) {
    throw new AppError('conflict', 'This incident is already resolved.');
  }
  try {
    if (input.variables && Object.keys(input.variables).length > 0) {
      await engine.setVariables(input.instanceId, input.variables, input.by);
    }
    return await engine.retryIncident(input.incidentId, { by: input.by });
  } catch (error) {
    if (error instanceof CommandRejected) {
      throw new AppError(error.code === 'NOT_FOUND' ? 'not_found' : 'conflict', error.message);
    }
    throw error;
  }
}
