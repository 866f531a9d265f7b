import type { InstanceState } from '../runtime/types';

/**
 * The element instance a task belongs to. A plain user task's task is its
 * element instance; an approval task creates one task per approver, each with
 * its own id, and remembers the open one in its approval state.
 */
export function elementInstanceOfTask(state: InstanceState, taskId: string): string {
  if (state.elements[taskId]) return taskId;
  for (const id in state.elements) {
    const approval = state.elements[id]?.data?.['approval'];
    if (!approval || typeof approval !== 'object' || Array.isArray(approval)) continue;
    const current = approval['current'];
    if (
      current &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      current['taskId'] === taskId
    ) {
      return id;
    }
  }
  return taskId;
}
