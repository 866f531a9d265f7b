import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { moddleExtensions } from '@/components/bpmn/moddle-extensions';
import { knownFormRule } from '@/components/bpmn/modules/form-picker/known-form-rule';
import {
  NO_FORM,
  canLinkForm,
  formEditorHref,
  formOptions,
  linkedFormId,
  type FormChoice,
  type ModdleObject,
} from '@/components/bpmn/modules/form-picker/form-choices';
import { formLinkCommands } from '@/components/bpmn/modules/form-picker/form-link-commands';
import { EngineProblems, lintingConfig } from '@/components/bpmn/modules/linting';

const forms: FormChoice[] = [
  { formId: 'expense-claim', name: 'Expense claim' },
  { formId: 'approve-expense', name: 'Approve expense' },
  { formId: 'travel', name: 'Travel request' },
  { formId: 'travel-2', name: 'Travel request' },
];

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start">
      <bpmn:extensionElements><zeebe:formDefinition formId="expense-claim" /></bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:startEvent id="timerStart"><bpmn:timerEventDefinition /></bpmn:startEvent>
    <bpmn:userTask id="plain" name="Plain" />
    <bpmn:userTask id="linked" name="Linked">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="approve-expense" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="deleted" name="Deleted form">
      <bpmn:extensionElements><zeebe:formDefinition formId="gone" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="byKey" name="Linked by key">
      <bpmn:extensionElements><zeebe:formDefinition formKey="travel" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:serviceTask id="service" />
    <bpmn:subProcess id="sub">
      <bpmn:startEvent id="innerStart" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

async function diagram() {
  const moddle = BpmnModdle(moddleExtensions);
  const { rootElement } = await moddle.fromXML(xml);
  const byId = new Map<string, ModdleObject>();
  const visit = (element: ModdleObject) => {
    if (typeof element.id === 'string') byId.set(element.id, element);
    for (const child of [...((element.rootElements as ModdleObject[] | undefined) ?? []), ...((element.flowElements as ModdleObject[] | undefined) ?? [])]) {
      visit(child);
    }
  };
  visit(rootElement as unknown as ModdleObject);
  const get = (id: string) => {
    const element = byId.get(id);
    if (!element) throw new Error(`Expected element ${id} in the fixture`);
    return element;
  };
  // What bpmn-js's BpmnFactory does for elements without ids (extension elements, form definitions).
  // (engine/model/bpmn-moddle.d.ts declares only what the engine reads.)
  const factory = moddle as unknown as { create(type: string, attrs?: Record<string, unknown>): ModdleObject };
  const bpmnFactory = { create: (type: string, attrs?: Record<string, unknown>) => factory.create(type, attrs) };
  return { moddle, rootElement, get, bpmnFactory };
}

describe('the form picker of user tasks and start events', () => {
  it('offers "None", then the forms by name, telling apart forms that share a name', () => {
    expect(formOptions(forms, null)).toEqual([
      { value: NO_FORM, label: 'None' },
      { value: 'approve-expense', label: 'Approve expense' },
      { value: 'expense-claim', label: 'Expense claim' },
      { value: 'travel', label: 'Travel request (travel)' },
      { value: 'travel-2', label: 'Travel request (travel-2)' },
    ]);
  });

  it('given a linked form that no longer exists, shows it as an unknown form next to "None"', () => {
    const options = formOptions(forms, 'gone');
    expect(options.slice(0, 2)).toEqual([
      { value: NO_FORM, label: 'None' },
      { value: 'gone', label: 'Unknown form gone' },
    ]);
    expect(formOptions(forms, 'travel').some((option) => option.label.startsWith('Unknown'))).toBe(false);
  });

  it('reads the linked form from formId, or from formKey as the engine does', async () => {
    const { get } = await diagram();
    expect(linkedFormId(get('linked'))).toBe('approve-expense');
    expect(linkedFormId(get('byKey'))).toBe('travel');
    expect(linkedFormId(get('plain'))).toBeNull();
  });

  it('is offered on user tasks and none start events of the process, not on triggered or nested starts', async () => {
    const { get } = await diagram();
    expect(canLinkForm(get('plain'))).toBe(true);
    expect(canLinkForm(get('start'))).toBe(true);
    expect(canLinkForm(get('timerStart'))).toBe(false);
    expect(canLinkForm(get('innerStart'))).toBe(false);
    expect(canLinkForm(get('service'))).toBe(false);
  });

  it('links to the form in the form editor', () => {
    expect(formEditorHref('expense claim/1')).toBe('/forms/expense%20claim%2F1');
  });
});

describe('picking a form changes the diagram in one undoable step', () => {
  it('given a task without extension elements, creates them with a zeebe:FormDefinition', async () => {
    const { get, bpmnFactory } = await diagram();
    const task = get('plain');
    const commands = formLinkCommands({ businessObject: task }, 'travel', bpmnFactory);
    expect(commands).toHaveLength(2);
    const [addExtensions, addDefinition] = commands;
    expect(addExtensions?.context.moddleElement).toBe(task);
    const extensionElements = addExtensions?.context.properties['extensionElements'] as ModdleObject;
    expect(extensionElements.$type).toBe('bpmn:ExtensionElements');
    expect(extensionElements.$parent).toBe(task);
    expect(addDefinition?.context.moddleElement).toBe(extensionElements);
    const values = addDefinition?.context.properties['values'] as ModdleObject[];
    expect(values.map((value) => [value.$type, value.get('formId'), value.$parent])).toEqual([
      ['zeebe:FormDefinition', 'travel', extensionElements],
    ]);
  });

  it('given a linked task, sets the new formId on its existing definition', async () => {
    const { get, bpmnFactory } = await diagram();
    const task = get('linked');
    const commands = formLinkCommands({ businessObject: task }, 'expense-claim', bpmnFactory);
    expect(commands).toHaveLength(1);
    expect(commands[0]?.context.moddleElement.$type).toBe('zeebe:FormDefinition');
    expect(commands[0]?.context.properties).toEqual({ formId: 'expense-claim' });
  });

  it('picking "None" removes the definition and keeps the other extensions', async () => {
    const { get, bpmnFactory } = await diagram();
    const commands = formLinkCommands({ businessObject: get('linked') }, NO_FORM, bpmnFactory);
    expect(commands).toHaveLength(1);
    const values = commands[0]?.context.properties['values'] as ModdleObject[];
    expect(values.map((value) => value.$type)).toEqual(['zeebe:UserTask']);
    expect(formLinkCommands({ businessObject: get('plain') }, NO_FORM, bpmnFactory)).toEqual([]);
  });
});

describe('live validation of linked forms', () => {
  it('reports each user task or start event whose form Baton does not have', async () => {
    const { rootElement } = await diagram();
    const linter = new Linter(lintingConfig(new EngineProblems(), { 'known-form': knownFormRule(forms) }).bpmnlint);
    const reports = (await linter.lint(rootElement)) as Record<string, { id: string; message: string; category: string }[]>;
    expect(reports['baton/known-form']).toEqual([
      expect.objectContaining({
        id: 'deleted',
        category: 'error',
        message: 'Expected a form with the id "gone", but there is none: pick another form or create it',
      }),
    ]);
  });
});
