/** Small typed readers over moddle elements, which are untyped at this boundary. */
import type { ModdleElement } from 'bpmn-moddle';

export type { ModdleElement };

export function str(element: ModdleElement | undefined, property: string): string | null {
  const value = element?.[property];
  return typeof value === 'string' ? value : null;
}

export function bool(element: ModdleElement | undefined, property: string): boolean | null {
  const value = element?.[property];
  return typeof value === 'boolean' ? value : null;
}

export function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

export function ref(element: ModdleElement | undefined, property: string): ModdleElement | null {
  const value = element?.[property];
  return value !== null && typeof value === 'object' && '$type' in value ? (value as ModdleElement) : null;
}

/** The extension element of the given type (e.g. 'zeebe:TaskDefinition'), if any. */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return list(ref(element, 'extensionElements') ?? undefined, 'values').find((value) => value.$type === type);
}
