import CapabilityFilter from './CapabilityFilter';
import UnsupportedGroupsFilter from './UnsupportedGroupsFilter';
import type { Supports } from './element-kind';

export type { ElementKind, Supports } from './element-kind';
export { supportsFrom } from './element-kind';

/** A bpmn-js module limiting the modeler's offers to what `supports` accepts. */
export function capabilitiesModule(supports: Supports) {
  return {
    __init__: ['batonCapabilityFilter', 'batonUnsupportedGroupsFilter'],
    batonSupports: ['value', supports],
    batonCapabilityFilter: ['type', CapabilityFilter],
    batonUnsupportedGroupsFilter: ['type', UnsupportedGroupsFilter],
  };
}
export { kindsFromEngine, type EngineCapability } from './kinds-from-engine';
