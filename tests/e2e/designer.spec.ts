import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { clickEmptyCanvas, connect, downloadFromEditor, dragFromPalette, editor, fillEntry, fillField, openGroup, select, semanticContent, waitForEditor } from './fixtures/designer';

const MISSING_CONDITION = /to have a condition or to be its default flow/;

test.use({ storageState: storageStateFor('designer') });

test('a designer draws a process from the palette, configures it, sees live validation and deploys version 1', async ({ page }) => {
  const ui = editor(page);

  // Given a new process, with its starter diagram cleared
  await page.goto('/processes/new');
  await page.getByLabel('Name').fill(`Expense claim ${Date.now()}`);
  await page.getByRole('button', { name: 'Create and open' }).click();
  await waitForEditor(page);
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect(ui.canvas.locator('.djs-shape')).toHaveCount(0);

  // When drawing start → user task → exclusive gateway → two ends from the palette
  const start = await dragFromPalette(page, 'create.start-event', { x: 200, y: 250 });
  const task = await dragFromPalette(page, 'create.user-task', { x: 340, y: 250 });
  await page.keyboard.type('Approve expense');
  const gateway = await dragFromPalette(page, 'create.exclusive-gateway', { x: 500, y: 250 });
  const high = await dragFromPalette(page, 'create.end-event', { x: 650, y: 150 });
  const low = await dragFromPalette(page, 'create.end-event', { x: 650, y: 350 });
  await connect(page, start, task);
  await connect(page, task, gateway);
  await connect(page, gateway, high);
  await connect(page, gateway, low);
  await expect(ui.canvas.locator('.djs-connection')).toHaveCount(4);

  // Then the engine reports the gateway's flows without a condition
  await page.getByTestId('problems-toggle').click();
  const problems = page.getByTestId('problems-list');
  await expect(problems.getByText(MISSING_CONDITION)).toHaveCount(2);

  // When a condition is set on each flow, through the problems list and the properties panel
  for (const condition of ['amount > 1000', 'amount <= 1000']) {
    await problems.getByText(MISSING_CONDITION).first().click();
    await expect(ui.panel.getByText('Sequence flow', { exact: false }).first()).toBeVisible();
    await openGroup(page, 'Condition');
    await fillEntry(page, 'conditionExpression', condition);
    await clickEmptyCanvas(page);
  }

  // Then the problem disappears
  await expect(problems.getByText(MISSING_CONDITION)).toHaveCount(0);

  // When the task gets an assignee
  await select(page, task);
  await openGroup(page, 'Assignment');
  await fillField(page, 'Assignee', 'sam.patel@baton.example');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

  // And the draft is deployed
  await page.getByRole('button', { name: 'Deploy' }).click();
  await expect(page.getByTestId('deploy-result')).toContainText('Version 1 is live');
  await expect(page.getByTestId('live-version')).toHaveText('Version 1 live');

  // Then after a reload the draft is intact
  await page.reload();
  await waitForEditor(page);
  for (const id of [start, task, gateway, high, low]) await expect(ui.shape(id)).toBeAttached();
  await expect(ui.canvas.locator('.djs-connection')).toHaveCount(4);
  await select(page, task);
  await openGroup(page, 'Assignment');
  await expect(ui.panel.getByRole('textbox', { name: 'Assignee', exact: true })).toHaveValue('sam.patel@baton.example');
  await expect(page.getByTestId('live-version')).toHaveText('Version 1 live');
});

test('a designer imports a .bpmn file and downloads it back with the same content', async ({ page }) => {
  const fixture = path.join(import.meta.dirname, 'fixtures', 'purchase-approval.bpmn');
  const original = await import('node:fs/promises').then((fs) => fs.readFile(fixture, 'utf8'));

  // Given a .bpmn file, when it is imported from the processes page
  await page.goto('/processes/new');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('import-bpmn-input').setInputFiles(fixture);

  // Then it opens in the editor with its elements and its approval settings
  await expect(page).toHaveURL(/\/processes\/purchase-approval$/);
  await waitForEditor(page);
  const ui = editor(page);
  await expect(ui.shape('ApproveRequest')).toBeAttached();
  await select(page, 'ApproveRequest');
  await openGroup(page, 'Approval');
  await expect(ui.panel.locator('[data-entry-id="approval-policy"] select')).toHaveValue('first-qualified');

  // And downloading it gives the same diagram back
  const downloaded = await downloadFromEditor(page);
  expect(await semanticContent(downloaded)).toEqual(await semanticContent(original));
});
