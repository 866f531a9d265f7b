import type { ElementInstance, InstanceState, Json } from './types';

/**
 * Copies the parts of the state a command may change, once per command; the
 * step then mutates the copy and never its input, which a store may keep
 * frozen. Values inside variables are replaced, never mutated, so one level
 * of copying is enough; an element instance's data is copied with it, and the
 * timers and subscriptions in it (`triggers`), which the run changes in place.
 */
export function cloneState(state: InstanceState): InstanceState {
  const elements = keyedByIds<ElementInstance>();
  for (const id in state.elements) elements[id] = cloneElement(state.elements[id] as ElementInstance);
  const variables = keyedByIds<InstanceState['variables'][string]>();
  for (const id in state.variables) variables[id] = { ...state.variables[id] };
  // Joins are rare: an instance without any keeps an ordinary empty object.
  let joins: InstanceState['joins'] = {};
  for (const key in state.joins) {
    if (Object.keys(joins).length === 0) joins = keyedByIds();
    joins[key] = { ...state.joins[key] };
  }
  const next: InstanceState = { ...state, elements, variables, joins, incidents: [...state.incidents] };
  if (state.compensations) {
    const compensations = keyedByIds<NonNullable<InstanceState['compensations']>[string]>();
    for (const id in state.compensations) compensations[id] = [...(state.compensations[id] ?? [])];
    next.compensations = compensations;
  }
  return next;
}

/**
 * An empty plain object for values keyed by generated ids (element instance
 * ids, scope ids). Every generated id is a property name V8 has never seen, so
 * in an ordinary object each one costs a new hidden class; this object starts
 * in dictionary mode instead (deleting a property that is not the last one
 * puts it there), where a new key is a hash-table insert. Measured: building
 * and copying such a map of three ids is four to six times faster.
 */
export function keyedByIds<T>(): Record<string, T> {
  const map: Record<string, unknown> = { dictionary: null, mode: null };
  delete map['dictionary'];
  delete map['mode'];
  return map as Record<string, T>;
}

function cloneElement(element: ElementInstance): ElementInstance {
  const copy = { ...element };
  if (element.data) {
    const data: { [key: string]: Json } = { ...element.data };
    const triggers = data['triggers'];
    if (triggers !== null && typeof triggers === 'object' && !Array.isArray(triggers)) data['triggers'] = { ...triggers };
    copy.data = data;
  }
  return copy;
}
