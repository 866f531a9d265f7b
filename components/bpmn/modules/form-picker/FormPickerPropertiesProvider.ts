import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import {
  NO_FORM,
  canLinkForm,
  formEditorHref,
  formOptions,
  linkedFormId,
  unknownFormMessage,
  type FormChoice,
  type ModdleObject,
} from './form-choices';
import { formLinkCommands, type BpmnFactory } from './form-link-commands';

interface DiagramElement {
  id: string;
  businessObject: ModdleObject;
}
interface CommandStack {
  execute(command: string, context: unknown): void;
}
type Translate = (text: string) => string;
interface Entry {
  id: string;
  component: (props: { element: DiagramElement; id: string }) => unknown;
  isEdited: (node: unknown) => boolean;
}
interface Group {
  id: string;
  label: string;
  entries: Entry[];
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: DiagramElement): (groups: Group[]) => Group[] }): void;
}

/** After the Zeebe provider (500) and the approval group (400), whose groups it rearranges. */
const LOWER_PRIORITY = 300;

/** The Zeebe provider's form group, where a form id is typed by hand. */
const ZEEBE_FORM_GROUP = 'form';

function link(href: string, text: string) {
  return h('a', { href, target: '_blank', rel: 'noopener', class: 'baton-panel-link' }, text);
}

/** Picks one of Baton's forms by name, writing zeebe:formDefinition formId as one undoable step. */
function FormPicker({ element, id }: { element: DiagramElement; id: string }) {
  const forms = useService<readonly FormChoice[]>('batonForms');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStack>('commandStack');
  const translate = useService<Translate>('translate');
  const linked = linkedFormId(element.businessObject);
  const known = linked === null || forms.some((form) => form.formId === linked);

  const setValue = (value: unknown) => {
    const commands = formLinkCommands(element, typeof value === 'string' ? value : NO_FORM, bpmnFactory);
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  const description =
    linked !== null && known
      ? link(formEditorHref(linked), translate('Open in the form editor'))
      : forms.length === 0
        ? h('span', null, translate('There are no forms yet. '), link('/forms', translate('Create one')))
        : undefined;

  return h(SelectEntry, {
    element,
    id,
    label: translate(
      element.businessObject.$type === 'bpmn:StartEvent' ? 'Form the requester fills in' : 'Form the assignee fills in',
    ),
    description,
    getValue: () => linked ?? NO_FORM,
    setValue,
    getOptions: () => formOptions(forms, linked).map((option) => ({ ...option, label: translate(option.label) })),
    validate: (value: unknown) =>
      typeof value === 'string' && value !== NO_FORM && !forms.some((form) => form.formId === value)
        ? translate(unknownFormMessage(value))
        : null,
  });
}

/**
 * The "Form" group of user tasks and process start events: a picker of
 * Baton's forms in place of the Zeebe group's typed form id.
 */
export default function FormPickerPropertiesProvider(propertiesPanel: PropertiesPanel, translate: Translate) {
  propertiesPanel.registerProvider(LOWER_PRIORITY, {
    getGroups(element) {
      return (groups) => {
        if (!element.businessObject || !canLinkForm(element.businessObject)) return groups;
        const group: Group = {
          id: 'baton-form',
          label: translate('Form'),
          entries: [{ id: 'baton-form-id', component: FormPicker, isEdited: isSelectEntryEdited }],
        };
        const zeebe = groups.findIndex((g) => g.id === ZEEBE_FORM_GROUP);
        if (zeebe >= 0) {
          groups.splice(zeebe, 1, group);
          return groups;
        }
        // Where a designer looks first, after "General" (and "Approval" on user tasks).
        const anchor = Math.max(
          groups.findIndex((g) => g.id === 'general'),
          groups.findIndex((g) => g.id === 'baton-approval'),
        );
        groups.splice(anchor >= 0 ? anchor + 1 : groups.length, 0, group);
        return groups;
      };
    },
  });
}

FormPickerPropertiesProvider.$inject = ['propertiesPanel', 'translate'];
