import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { editor, fillField, openGroup, select, waitForEditor } from './fixtures/designer';

test.use({ storageState: storageStateFor('designer') });

test('two tabs editing one draft: the second save is refused with a clear message, not lost silently', async ({
  page,
  context,
}) => {
  // Given a new process open in two tabs
  await page.goto('/processes/new');
  await page.getByLabel('Name').fill(`Two tabs ${Date.now()}`);
  await page.getByRole('button', { name: 'Create and open' }).click();
  await waitForEditor(page);
  const second = await context.newPage();
  await second.goto(page.url());
  await waitForEditor(second);

  // When the first tab renames the task and saves
  await select(page, 'Task_1');
  await openGroup(page, 'General');
  await fillField(page, 'Name', 'Renamed in tab one');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

  // And the second tab, still on the old revision, edits too
  await select(second, 'Task_1');
  await openGroup(second, 'General');
  await fillField(second, 'Name', 'Renamed in tab two');

  // Then the second tab is told someone saved meanwhile, and the first tab's work stands
  await expect(second.getByTestId('save-status')).toHaveAttribute('data-state', 'conflict', { timeout: 15_000 });
  await expect(second.getByTestId('save-error')).toContainText('saved this draft after you opened it');
  await page.reload();
  await waitForEditor(page);
  await select(page, 'Task_1');
  await openGroup(page, 'General');
  await expect(editor(page).panel.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Renamed in tab one');
});
