import type { InstanceState } from './types';

/**
 * Copies the parts of the state a command may change, once per command; the
 * step then mutates the copy. Values inside variables are replaced, never
 * mutated, so one level of copying is enough.
 */
export function cloneState(state: InstanceState): InstanceState {
  const elements: InstanceState['elements'] = {};
  for (const id in state.elements) elements[id] = { ...(state.elements[id] as InstanceState['elements'][string]) };
  const variables: InstanceState['variables'] = {};
  for (const id in state.variables) variables[id] = { ...state.variables[id] };
  const joins: InstanceState['joins'] = {};
  for (const key in state.joins) joins[key] = { ...state.joins[key] };
  const next: InstanceState = { ...state, elements, variables, joins, incidents: [...state.incidents] };
  if (state.compensations) {
    const compensations: NonNullable<InstanceState['compensations']> = {};
    for (const id in state.compensations) compensations[id] = [...(state.compensations[id] ?? [])];
    next.compensations = compensations;
  }
  return next;
}
