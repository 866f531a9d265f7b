import { unsupportedExtensions } from '@/engine/capabilities';

interface Group {
  id: string;
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: unknown): (groups: Group[]) => Group[] }): void;
}

/** After every provider that adds groups, so nothing re-adds them. */
const LAST = 100;

const hidden = new Set(unsupportedExtensions.map((extension) => extension.panelGroup));

/** Removes the properties-panel groups for Camunda 8 extensions the engine does not run. */
export default function UnsupportedGroupsFilter(propertiesPanel: PropertiesPanel) {
  propertiesPanel.registerProvider(LAST, {
    getGroups() {
      return (groups) => groups.filter((group) => !hidden.has(group.id));
    },
  });
}

UnsupportedGroupsFilter.$inject = ['propertiesPanel'];
