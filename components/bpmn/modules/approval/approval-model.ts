/** The element bpmn-js hands to properties providers: a shape and its BPMN model object. */
export interface ModdleObject {
  $type: string;
  get(name: string): unknown;
  [key: string]: unknown;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject;
}

export const APPROVAL_TYPE = 'baton:Approval';

/** The fields of baton:Approval (engine/model/baton-moddle.json) the panel edits as text. */
export const APPROVAL_TEXT_FIELDS = ['currency', 'requester', 'fallbackApprover', 'reminder', 'escalation', 'expiry'] as const;

export type ApprovalTextField = (typeof APPROVAL_TEXT_FIELDS)[number];

export function getExtensionElements(element: DiagramElement): ModdleObject | undefined {
  return element.businessObject.get('extensionElements') as ModdleObject | undefined;
}

/** The task's baton:Approval, when it is an approval task. */
export function getApproval(element: DiagramElement): ModdleObject | undefined {
  const values = (getExtensionElements(element)?.get('values') as ModdleObject[] | undefined) ?? [];
  return values.find((value) => value.$type === APPROVAL_TYPE);
}

export function isUserTask(element: DiagramElement): boolean {
  return element.businessObject.$type === 'bpmn:UserTask';
}
