/** A form a designer can link: Baton's form id and the name people know it by. */
export interface FormChoice {
  formId: string;
  name: string;
}

/** The moddle object of an element, as bpmn-js and bpmnlint hand it over. */
export interface ModdleObject {
  $type: string;
  $parent?: ModdleObject;
  get(name: string): unknown;
  [key: string]: unknown;
}

export const FORM_DEFINITION_TYPE = 'zeebe:FormDefinition';

/** The element's zeebe:FormDefinition, if it links a form. */
export function getFormDefinition(business: ModdleObject): ModdleObject | undefined {
  const extensionElements = business.get('extensionElements') as ModdleObject | undefined;
  const values = (extensionElements?.get('values') as ModdleObject[] | undefined) ?? [];
  return values.find((value) => value.$type === FORM_DEFINITION_TYPE);
}

/**
 * The id of the form a user fills at this element. Baton opens the form by
 * `formId`, and by `formKey` for diagrams made elsewhere; an external
 * reference is shown too, so the designer sees that something is linked.
 */
export function linkedFormId(business: ModdleObject): string | null {
  const definition = getFormDefinition(business);
  if (!definition) return null;
  for (const property of ['formId', 'formKey', 'externalReference']) {
    const value = definition.get(property);
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/**
 * Where a form is filled: a user task, or a none start event of the process
 * itself (the form a requester fills to start it). Start events inside
 * sub-processes or with a trigger are not started by a person.
 */
export function canLinkForm(business: ModdleObject): boolean {
  if (business.$type === 'bpmn:UserTask') return true;
  if (business.$type !== 'bpmn:StartEvent') return false;
  const definitions = (business.get('eventDefinitions') as unknown[] | undefined) ?? [];
  return definitions.length === 0 && business.$parent?.$type === 'bpmn:Process';
}

export interface FormOption {
  value: string;
  label: string;
}

/** The value of the "None" option. */
export const NO_FORM = '';

export function unknownFormLabel(formId: string): string {
  return `Unknown form ${formId}`;
}

export function unknownFormMessage(formId: string): string {
  return `Expected a form with the id "${formId}", but there is none: pick another form or create it`;
}

/**
 * The picker's options: "None", then every form by name (with its id when
 * two forms share a name), and the linked id when no form has it any more.
 */
export function formOptions(forms: readonly FormChoice[], linked: string | null): FormOption[] {
  const names = new Map<string, number>();
  for (const form of forms) names.set(form.name, (names.get(form.name) ?? 0) + 1);
  const options: FormOption[] = [{ value: NO_FORM, label: 'None' }];
  if (linked !== null && !forms.some((form) => form.formId === linked)) {
    options.push({ value: linked, label: unknownFormLabel(linked) });
  }
  const sorted = [...forms].sort((a, b) => a.name.localeCompare(b.name) || a.formId.localeCompare(b.formId));
  for (const form of sorted) {
    const label = (names.get(form.name) ?? 0) > 1 ? `${form.name} (${form.formId})` : form.name;
    options.push({ value: form.formId, label });
  }
  return options;
}

/** The form editor page of a form. */
export function formEditorHref(formId: string): string {
  return `/forms/${encodeURIComponent(formId)}`;
}
