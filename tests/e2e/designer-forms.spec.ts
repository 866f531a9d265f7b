import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { downloadFromEditor, editor, openGroup, select, semanticContent, waitForEditor } from './fixtures/designer';

test.use({ storageState: storageStateFor('designer') });

const SCREENSHOTS = 'test-results/screenshots';

/** A form made through the forms API, as the forms page does; other specs may have made others. */
async function createForm(page: Page, name: string): Promise<string> {
  const response = await page.request.post('/api/v1/forms', { data: { name } });
  expect(response.status()).toBe(201);
  const { formId } = (await response.json()) as { formId: string };
  return formId;
}

async function newProcess(page: Page, name: string): Promise<void> {
  await page.goto('/processes/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create and open' }).click();
  await waitForEditor(page);
}

function formPicker(page: Page) {
  return editor(page).panel.locator('[data-entry-id="baton-form-id"]');
}

/** The element's content in the editor's own export: type, name and extension elements. */
async function exported(page: Page, id: string): Promise<string> {
  return (await semanticContent(await downloadFromEditor(page))).get(id) ?? '';
}

test('a designer links a user task to a form picked by its name, and can undo it', async ({ page }) => {
  const formName = `Expense details ${Date.now()}`;
  const formId = await createForm(page, formName);
  await createForm(page, `Travel details ${Date.now()}`);

  // Given a new process with its starter user task selected
  await newProcess(page, `Expense with form ${Date.now()}`);
  await select(page, 'Task_1');
  // Listeners are not run by the engine, so the panel does not offer them
  const headers = editor(page).panel.locator('.bio-properties-panel-group-header');
  await expect(headers.filter({ hasText: 'Input mapping' })).toHaveCount(1);
  await expect(headers.filter({ hasText: /listeners/i })).toHaveCount(0);
  await openGroup(page, 'Form');
  const picker = formPicker(page);
  await expect(picker.locator('select')).toHaveValue('');
  await expect(picker.locator('option').first()).toHaveText('None');

  // When the designer picks the form by its name
  await picker.locator('select').selectOption({ label: formName });

  // Then the task links the form by id, with a way to open it in the form editor
  await expect(picker.locator('select')).toHaveValue(formId);
  await expect(picker.getByRole('link', { name: 'Open in the form editor' })).toHaveAttribute(
    'href',
    `/forms/${encodeURIComponent(formId)}`,
  );
  expect(await exported(page, 'Task_1')).toContain(`zeebe:FormDefinition(formId=${formId})`);
  await editor(page).panel.screenshot({ path: `${SCREENSHOTS}/designer-form-picker.png` });

  // When the designer undoes it, the task has no form again
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(picker.locator('select')).toHaveValue('');
  expect(await exported(page, 'Task_1')).not.toContain('zeebe:FormDefinition');

  // And when redone and saved, the link survives a reload
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(picker.locator('select')).toHaveValue(formId);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.reload();
  await waitForEditor(page);
  await select(page, 'Task_1');
  await openGroup(page, 'Form');
  await expect(formPicker(page).locator('select')).toHaveValue(formId);
  await expect(formPicker(page).locator('option:checked')).toHaveText(formName);
  expect(await exported(page, 'Task_1')).toContain(`zeebe:FormDefinition(formId=${formId})`);
});

test('a task linking a form that does not exist shows it as unknown and as a problem', async ({ page }) => {
  const processId = `forms-unknown-${Date.now()}`;
  const missing = `deleted-form-${Date.now()}`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" name="Unknown form ${processId}" isExecutable="true">
    <bpmn:startEvent id="Start" name="Requested"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review">
      <bpmn:extensionElements><zeebe:formDefinition formId="${missing}" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End" name="Reviewed"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="182" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Review_di" bpmnElement="Review"><dc:Bounds x="270" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="218" y="120" /><di:waypoint x="270" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="370" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

  // Given a diagram from elsewhere whose task links a form this installation does not have
  await page.goto('/processes/new');
  page.on('dialog', (dialog) => void dialog.accept());
  await page
    .getByTestId('import-bpmn-input')
    .setInputFiles({ name: `${processId}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(page).toHaveURL(new RegExp(`/processes/${processId}$`));
  await waitForEditor(page);

  // When the designer selects the task
  await select(page, 'Review');
  await openGroup(page, 'Form');

  // Then the picker names the form unknown, and the problems list reports it at the task
  const picker = formPicker(page);
  await expect(picker.locator('option:checked')).toHaveText(`Unknown form ${missing}`);
  await expect(picker.locator('.bio-properties-panel-error')).toContainText(`Expected a form with the id "${missing}"`);
  await page.getByTestId('problems-toggle').click();
  await expect(page.getByTestId('problems-list').getByText(`Expected a form with the id "${missing}"`)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/designer-form-picker-unknown.png` });

  // And picking "None" clears both
  await picker.locator('select').selectOption({ label: 'None' });
  await expect(picker.locator('.bio-properties-panel-error')).toHaveCount(0);
  await expect(page.getByTestId('problems-list').getByText(`Expected a form with the id "${missing}"`)).toHaveCount(0);
});

test('a process start event links the request form through the same picker', async ({ page }) => {
  const formName = `Purchase request form ${Date.now()}`;
  const formId = await createForm(page, formName);
  await newProcess(page, `Start form ${Date.now()}`);

  await select(page, 'StartEvent_1');
  await openGroup(page, 'Form');
  await formPicker(page).locator('select').selectOption({ label: formName });

  expect(await exported(page, 'StartEvent_1')).toContain(`zeebe:FormDefinition(formId=${formId})`);
});
