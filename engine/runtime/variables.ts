/**
 * Variable scopes: one per process instance, per sub-process instance and per
 * activity with input mappings. Lookups walk from the inner scope outwards;
 * writes go to the nearest scope that already defines the name, else the root.
 */
import type { VariableLookup } from '../expressions';
import type { InstanceState, Json, Variables } from './types';

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

export class ScopeLookup implements VariableLookup {
  constructor(
    private readonly state: InstanceState,
    private readonly startId: string,
  ) {}

  get(name: string): Json | undefined {
    const { elements, variables } = this.state;
    for (let id: string | null = this.startId; id !== null; id = elements[id]?.scopeId ?? null) {
      const scope = variables[id];
      if (scope !== undefined && has(scope, name)) return scope[name];
    }
    return undefined;
  }

  toObject(): Variables {
    const chain: Variables[] = [];
    const { elements, variables } = this.state;
    for (let id: string | null = this.startId; id !== null; id = elements[id]?.scopeId ?? null) {
      const scope = variables[id];
      if (scope !== undefined) chain.push(scope);
    }
    const merged: Variables = {};
    for (let index = chain.length - 1; index >= 0; index -= 1) Object.assign(merged, chain[index]);
    return merged;
  }
}

/** Sets each variable in the nearest scope from `fromScopeId` outwards that defines it, else in the root scope. */
export function propagate(state: InstanceState, fromScopeId: string, values: Variables): void {
  for (const name of Object.keys(values)) {
    const value = values[name] as Json;
    const root = name.split('.', 1)[0] as string;
    let target = state.instanceId;
    for (let id: string | null = fromScopeId; id !== null; id = state.elements[id]?.scopeId ?? null) {
      const scope = state.variables[id];
      if (scope !== undefined && has(scope, root)) {
        target = id;
        break;
      }
    }
    setVariable(state, target, name, value);
  }
}

/** Sets a variable, or a path into a context variable (`order.total`), in one scope. */
export function setVariable(state: InstanceState, scopeId: string, path: string, value: Json): void {
  const scope = (state.variables[scopeId] ??= {});
  if (!path.includes('.')) {
    scope[path] = value;
    return;
  }
  const [root, ...rest] = path.split('.') as [string, ...string[]];
  scope[root] = withPath(scope[root], rest, value);
}

function withPath(current: Json | undefined, path: string[], value: Json): Json {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const base: { [key: string]: Json } =
    current !== null && typeof current === 'object' && !Array.isArray(current) ? { ...current } : {};
  base[key] = withPath(base[key], rest, value);
  return base;
}
