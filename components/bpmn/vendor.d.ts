// Type declarations for the bpmn.io packages that ship JavaScript only. They
// declare just the surface Baton uses.

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const ZeebePropertiesProviderModule: unknown;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: unknown;
  export const SelectEntry: unknown;
  export const CheckboxEntry: unknown;
  export const NumberFieldEntry: unknown;
  export const FeelEntry: unknown;
  export function isFeelEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: unknown;
  export default module;
}

declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'bpmn-js-bpmnlint' {
  const module: unknown;
  export default module;
}

declare module 'bpmn-js-token-simulation' {
  const module: unknown;
  export default module;
}

declare module 'bpmnlint/rules/*' {
  const rule: () => { check(node: unknown, reporter: unknown): void };
  export = rule;
}

declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, 'error' | 'warn' | 'off'> };
  export = config;
}

declare module 'bpmnlint-utils' {
  export function is(node: unknown, type: string): boolean;
  export function isAny(node: unknown, types: string[]): boolean;
}

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, unknown[]>>;
  }
}
