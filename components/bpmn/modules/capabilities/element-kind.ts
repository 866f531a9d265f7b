/** What the designer would create: a BPMN type, and for events the event definition. */
export interface ElementKind {
  type: string;
  eventDefinitionType?: string;
  isExpanded?: boolean;
  triggeredByEvent?: boolean;
}

/** Whether the engine executes an element of this kind. */
export type Supports = (kind: ElementKind) => boolean;

/**
 * Elements that carry no behaviour of their own and never reach the engine as
 * something to execute: labels, annotations and groups document a diagram.
 */
const DOCUMENTATION = new Set(['bpmn:TextAnnotation', 'bpmn:Group', 'bpmn:Association', 'label']);

/** A Supports built from a list of executable kinds. */
export function supportsFrom(kinds: readonly ElementKind[]): Supports {
  return (kind) => {
    if (DOCUMENTATION.has(kind.type)) return true;
    return kinds.some(
      (candidate) =>
        candidate.type === kind.type &&
        (candidate.eventDefinitionType ?? null) === (kind.eventDefinitionType ?? null) &&
        (candidate.triggeredByEvent ?? false) === (kind.triggeredByEvent ?? false),
    );
  };
}
