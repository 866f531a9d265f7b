import { CheckboxEntry, FeelEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isFeelEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import {
  APPROVAL_TYPE,
  getApproval,
  getExtensionElements,
  isUserTask,
  type ApprovalTextField,
  type DiagramElement,
  type ModdleObject,
} from './approval-model';

interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleObject;
}
interface CommandStack {
  execute(command: string, context: unknown): void;
}
type Translate = (text: string) => string;
type Debounce = (fn: (value: unknown) => void) => (value: unknown) => void;
interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: DiagramElement): (groups: Group[]) => Group[] }): void;
}
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

const LOW_PRIORITY = 400;

function useApprovalServices() {
  return {
    bpmnFactory: useService<BpmnFactory>('bpmnFactory'),
    commandStack: useService<CommandStack>('commandStack'),
    translate: useService<Translate>('translate'),
    debounce: useService<Debounce>('debounceInput'),
  };
}

function updateApproval(commandStack: CommandStack, element: DiagramElement, properties: Record<string, unknown>) {
  const approval = getApproval(element);
  if (!approval) return;
  commandStack.execute('element.updateModdleProperties', { element, moddleElement: approval, properties });
}

/** Turns a user task into an approval task (adds baton:Approval) or back, as one undoable step. */
function ApprovalToggle({ element, id }: { element: DiagramElement; id: string }) {
  const { bpmnFactory, commandStack, translate } = useApprovalServices();
  const setValue = (enabled: unknown) => {
    const business = element.businessObject;
    const commands: { cmd: string; context: unknown }[] = [];
    let extensionElements = getExtensionElements(element);
    if (enabled) {
      if (!extensionElements) {
        extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
        extensionElements.$parent = business;
        commands.push({
          cmd: 'element.updateModdleProperties',
          context: { element, moddleElement: business, properties: { extensionElements } },
        });
      }
      const approval = bpmnFactory.create(APPROVAL_TYPE, { policy: 'chain', amount: '=amount' });
      approval.$parent = extensionElements;
      const values = (extensionElements.get('values') as ModdleObject[] | undefined) ?? [];
      commands.push({
        cmd: 'element.updateModdleProperties',
        context: { element, moddleElement: extensionElements, properties: { values: [...values, approval] } },
      });
    } else if (extensionElements) {
      const values = (extensionElements.get('values') as ModdleObject[] | undefined) ?? [];
      commands.push({
        cmd: 'element.updateModdleProperties',
        context: {
          element,
          moddleElement: extensionElements,
          properties: { values: values.filter((value) => value.$type !== APPROVAL_TYPE) },
        },
      });
    }
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  return h(CheckboxEntry, {
    element,
    id,
    label: translate('Requires approval by signature authority'),
    description: translate('Approvers are resolved from the org chart when the task starts.'),
    getValue: () => getApproval(element) !== undefined,
    setValue,
  });
}

function AmountEntry({ element, id }: { element: DiagramElement; id: string }) {
  const { commandStack, translate, debounce } = useApprovalServices();
  return h(FeelEntry, {
    element,
    id,
    label: translate('Amount'),
    description: translate('A FEEL expression, e.g. =amount'),
    feel: 'required',
    debounce,
    getValue: () => (getApproval(element)?.get('amount') as string | undefined) ?? '',
    setValue: (value: unknown) => updateApproval(commandStack, element, { amount: value || undefined }),
  });
}

function PolicyEntry({ element, id }: { element: DiagramElement; id: string }) {
  const { commandStack, translate } = useApprovalServices();
  return h(SelectEntry, {
    element,
    id,
    label: translate('Policy'),
    description: translate(
      'Chain: every manager up to the first whose limit covers the amount approves in turn. First qualified: only that manager.',
    ),
    getValue: () => (getApproval(element)?.get('policy') as string | undefined) ?? 'chain',
    setValue: (value: unknown) => updateApproval(commandStack, element, { policy: value }),
    getOptions: () => [
      { value: 'chain', label: translate('Chain of managers') },
      { value: 'first-qualified', label: translate('First qualified manager') },
    ],
  });
}

function SelfAuthorityEntry({ element, id }: { element: DiagramElement; id: string }) {
  const { commandStack, translate } = useApprovalServices();
  return h(CheckboxEntry, {
    element,
    id,
    label: translate("Requester's own authority may approve"),
    getValue: () => getApproval(element)?.get('selfAuthority') === true,
    setValue: (value: unknown) => updateApproval(commandStack, element, { selfAuthority: value ? true : undefined }),
  });
}

const TEXT_LABELS: Record<ApprovalTextField, { label: string; description: string }> = {
  currency: { label: 'Currency', description: 'ISO code, e.g. EUR. Empty: the company currency.' },
  requester: { label: 'Requester', description: 'Empty: the person who started the instance.' },
  fallbackApprover: { label: 'Fallback approver', description: 'A person or group when the chain runs out.' },
  reminder: { label: 'Reminder after', description: 'ISO 8601 duration, e.g. P2D' },
  escalation: { label: 'Escalate after', description: "To the assignee's manager; e.g. P5D" },
  expiry: { label: 'Expires after', description: 'Then the request ends rejected; e.g. P14D' },
};

function textEntry(field: ApprovalTextField) {
  return function ApprovalTextEntry({ element, id }: { element: DiagramElement; id: string }) {
    const { commandStack, translate, debounce } = useApprovalServices();
    return h(TextFieldEntry, {
      element,
      id,
      label: translate(TEXT_LABELS[field].label),
      description: translate(TEXT_LABELS[field].description),
      debounce,
      getValue: () => (getApproval(element)?.get(field) as string | undefined) ?? '',
      setValue: (value: unknown) => updateApproval(commandStack, element, { [field]: value || undefined }),
    });
  };
}

const TEXT_COMPONENTS = Object.fromEntries(
  (Object.keys(TEXT_LABELS) as ApprovalTextField[]).map((field) => [field, textEntry(field)]),
) as Record<ApprovalTextField, Entry['component']>;

/** The "Approval" group on user tasks, editing Baton's baton:Approval extension. */
export default function ApprovalPropertiesProvider(propertiesPanel: PropertiesPanel, translate: Translate) {
  propertiesPanel.registerProvider(LOW_PRIORITY, {
    getGroups(element) {
      return (groups) => {
        if (!isUserTask(element)) return groups;
        const entries: Entry[] = [
          { id: 'approval-enabled', component: ApprovalToggle, isEdited: isCheckboxEntryEdited },
        ];
        if (getApproval(element)) {
          entries.push(
            { id: 'approval-amount', component: AmountEntry, isEdited: isFeelEntryEdited },
            { id: 'approval-currency', component: TEXT_COMPONENTS.currency, isEdited: isTextFieldEntryEdited },
            { id: 'approval-policy', component: PolicyEntry, isEdited: isSelectEntryEdited },
            { id: 'approval-requester', component: TEXT_COMPONENTS.requester, isEdited: isTextFieldEntryEdited },
            { id: 'approval-self-authority', component: SelfAuthorityEntry, isEdited: isCheckboxEntryEdited },
            { id: 'approval-fallback', component: TEXT_COMPONENTS.fallbackApprover, isEdited: isTextFieldEntryEdited },
            { id: 'approval-reminder', component: TEXT_COMPONENTS.reminder, isEdited: isTextFieldEntryEdited },
            { id: 'approval-escalation', component: TEXT_COMPONENTS.escalation, isEdited: isTextFieldEntryEdited },
            { id: 'approval-expiry', component: TEXT_COMPONENTS.expiry, isEdited: isTextFieldEntryEdited },
          );
        }
        const group: Group = { id: 'baton-approval', label: translate('Approval'), entries };
        // Right after "General", where a designer looks first.
        const general = groups.findIndex((g) => g.id === 'general');
        groups.splice(general >= 0 ? general + 1 : groups.length, 0, group);
        return groups;
      };
    },
  });
}

ApprovalPropertiesProvider.$inject = ['propertiesPanel', 'translate'];
