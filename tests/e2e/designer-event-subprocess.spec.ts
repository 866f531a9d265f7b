import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { clickEmptyCanvas, downloadFromEditor, editor, select, waitForEditor } from './fixtures/designer';

test.use({ storageState: storageStateFor('designer') });

const SCREENSHOTS = 'test-results/screenshots';

/** Places a palette entry by clicking it and then the canvas; returns the id of the new, selected element. */
async function placeFromPalette(page: Page, action: string, at: { x: number; y: number }): Promise<string> {
  const ui = editor(page);
  const box = await ui.canvas.boundingBox();
  if (!box) throw new Error('Expected the canvas to be on screen');
  await ui.paletteEntry(action).click();
  await page.mouse.move(box.x + at.x - 20, box.y + at.y - 20);
  await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 6 });
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(ui.canvas.locator('.djs-element.selected')).toHaveCount(1);
  return ui.selectedId();
}

/** Opens the replace menu of the selected element from its context pad. */
async function openReplaceMenu(page: Page) {
  await editor(page).canvas.locator('.djs-context-pad .entry[data-action="replace"]').click();
  const menu = page.locator('.djs-popup');
  await expect(menu).toBeVisible();
  return menu;
}

/** The start event inside the given sub-process in the editor's export. */
function startEventIn(xml: string, subProcessId: string): string {
  const match = new RegExp(`<bpmn:subProcess id="${subProcessId}"[^>]*>\\s*<bpmn:startEvent id="([^"]+)"`).exec(xml);
  if (!match?.[1]) throw new Error(`Expected a start event in ${subProcessId}`);
  return match[1];
}

test('a designer turns a sub-process into an event sub-process and picks its trigger from the replace menu', async ({ page }) => {
  const ui = editor(page);

  // Given a new process, with its starter diagram cleared, and a sub-process from the palette
  await page.goto('/processes/new');
  await page.getByLabel('Name').fill(`Cancellable order ${Date.now()}`);
  await page.getByRole('button', { name: 'Create and open' }).click();
  await waitForEditor(page);
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect(ui.canvas.locator('.djs-shape')).toHaveCount(0);
  const subProcess = await placeFromPalette(page, 'create.subprocess-expanded', { x: 360, y: 260 });
  // A new sub-process opens its name for typing; selecting it again leaves that.
  await select(page, subProcess);

  // When the designer opens its replace menu
  const menu = await openReplaceMenu(page);

  // Then it offers an event sub-process, and not the transaction or ad-hoc kinds the engine does not run
  await expect(menu.locator('.entry[data-id="replace-with-event-subprocess"]')).toBeVisible();
  await expect(menu.locator('.entry[data-id="replace-with-transaction"]')).toHaveCount(0);
  await expect(menu.locator('.entry[data-id="replace-with-ad-hoc-subprocess"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/designer-replace-event-subprocess.png` });

  // When choosing it, the sub-process becomes an event sub-process
  await menu.locator('.entry[data-id="replace-with-event-subprocess"]').click();
  let xml = await downloadFromEditor(page);
  expect(xml).toMatch(new RegExp(`<bpmn:subProcess id="${subProcess}" triggeredByEvent="true"`));

  // And its start event offers the triggers the engine runs, interrupting or not, and no others
  const start = startEventIn(xml, subProcess);
  await select(page, start);
  const starts = await openReplaceMenu(page);
  for (const trigger of ['message', 'timer', 'signal', 'error', 'escalation']) {
    await expect(starts.locator(`.entry[data-id="replace-with-${trigger}-start"]`)).toBeVisible();
  }
  for (const trigger of ['message', 'timer', 'signal', 'escalation']) {
    await expect(starts.locator(`.entry[data-id="replace-with-non-interrupting-${trigger}-start"]`)).toBeVisible();
  }
  await expect(starts.locator('.entry[data-id="replace-with-conditional-start"]')).toHaveCount(0);
  await expect(starts.locator('.entry[data-id="replace-with-compensation-start"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/designer-replace-event-subprocess-start.png` });

  // When the designer picks a non-interrupting timer, the diagram says so
  await starts.locator('.entry[data-id="replace-with-non-interrupting-timer-start"]').click();
  xml = await downloadFromEditor(page);
  expect(xml).toMatch(
    new RegExp(`<bpmn:startEvent id="${start}" isInterrupting="false">\\s*<bpmn:timerEventDefinition`),
  );
});

test('the palette places an event sub-process with a timer start inside', async ({ page }) => {
  const ui = editor(page);
  await page.goto('/processes/new');
  await page.getByLabel('Name').fill(`Reminder ${Date.now()}`);
  await page.getByRole('button', { name: 'Create and open' }).click();
  await waitForEditor(page);
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect(ui.canvas.locator('.djs-shape')).toHaveCount(0);

  await expect(ui.paletteEntry('create.event-subprocess-expanded')).toBeVisible();
  const subProcess = await placeFromPalette(page, 'create.event-subprocess-expanded', { x: 360, y: 260 });

  const xml = await downloadFromEditor(page);
  expect(xml).toMatch(
    new RegExp(`<bpmn:subProcess id="${subProcess}" triggeredByEvent="true">\\s*<bpmn:startEvent id="[^"]+">\\s*<bpmn:timerEventDefinition`),
  );
  await ui.canvas.screenshot({ path: `${SCREENSHOTS}/designer-palette-event-subprocess.png` });
});
