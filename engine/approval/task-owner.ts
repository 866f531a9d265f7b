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

/**
 * Whether the state has the task open: its user task waits for it, or it is
 * the open step of its approval. A task the state has open has its row open,
 * because both are written by the same command.
 */
export function taskIsOpen(state: InstanceState, taskId: string): boolean {
  const id = elementInstanceOfTask(state, taskId);
  const element = state.elements[id];
  if (!element || element.state !== 'active' || element.data?.['wait'] !== 'task') return false;
  const approval = element.data['approval'];
  if (approval === undefined) return id === taskId;
  if (!approval || typeof approval !== 'object' || Array.isArray(approval)) return false;
  const current = approval['current'];
  return (
    !!current &&
    typeof current === 'object' &&
    !Array.isArray(current) &&
    current['taskId'] === taskId
  );
}
