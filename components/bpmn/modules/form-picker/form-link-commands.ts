import { FORM_DEFINITION_TYPE, NO_FORM, getFormDefinition, type ModdleObject } from './form-choices';

export interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleObject;
}

/** One step of the properties panel's multi-command, undone together with the others. */
export interface Command {
  cmd: 'element.updateModdleProperties';
  context: { element: unknown; moddleElement: ModdleObject; properties: Record<string, unknown> };
}

/**
 * The changes that link the element to a form (or unlink it, for `NO_FORM`):
 * set `formId` on its zeebe:FormDefinition, creating the definition and the
 * extension elements it lives in when missing.
 */
export function formLinkCommands(
  element: { businessObject: ModdleObject },
  formId: string,
  bpmnFactory: BpmnFactory,
): Command[] {
  const business = element.businessObject;
  const definition = getFormDefinition(business);
  const update = (moddleElement: ModdleObject, properties: Record<string, unknown>): Command => ({
    cmd: 'element.updateModdleProperties',
    context: { element, moddleElement, properties },
  });

  if (formId === NO_FORM) {
    if (!definition) return [];
    const extensionElements = business.get('extensionElements') as ModdleObject;
    const values = (extensionElements.get('values') as ModdleObject[]).filter((value) => value !== definition);
    return [update(extensionElements, { values })];
  }
  if (definition) return [update(definition, { formId })];

  const commands: Command[] = [];
  let extensionElements = business.get('extensionElements') as ModdleObject | undefined;
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = business;
    commands.push(update(business, { extensionElements }));
  }
  const created = bpmnFactory.create(FORM_DEFINITION_TYPE, { formId });
  created.$parent = extensionElements;
  const values = (extensionElements.get('values') as ModdleObject[] | undefined) ?? [];
  commands.push(update(extensionElements, { values: [...values, created] }));
  return commands;
}
