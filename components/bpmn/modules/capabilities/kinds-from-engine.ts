import type { ElementKind } from './element-kind';

/** The shape of engine/capabilities.ts's list, restated so this module stays free of engine code. */
export interface EngineCapability {
  readonly type: string;
  readonly eventDefinitions: readonly string[];
  /** Whether it also runs as an event sub-process (triggeredByEvent). */
  readonly eventSubProcess?: boolean;
}

/**
 * The element kinds the modeler may offer: every executable type with each
 * event definition it accepts ('none' meaning without one), its event
 * sub-process variant when the engine runs one, plus the types the engine
 * accepts and ignores (data objects, annotations, groups). The start events
 * an event sub-process offers are the start event kinds listed, interrupting
 * or not.
 */
export function kindsFromEngine(
  capabilities: readonly EngineCapability[],
  ignoredTypes: readonly string[],
): ElementKind[] {
  const kinds: ElementKind[] = [];
  for (const capability of capabilities) {
    if (capability.eventSubProcess) kinds.push({ type: capability.type, triggeredByEvent: true });
    if (capability.eventDefinitions.length === 0) {
      kinds.push({ type: capability.type });
      continue;
    }
    for (const definition of capability.eventDefinitions) {
      kinds.push(
        definition === 'none' ? { type: capability.type } : { type: capability.type, eventDefinitionType: definition },
      );
    }
  }
  for (const type of ignoredTypes) kinds.push({ type });
  return kinds;
}
