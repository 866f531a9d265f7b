import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { downloadFromEditor, editor, importThroughUi, openGroup, select, semanticContent } from './fixtures/designer';

const corpus = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const miwg = readdirSync(path.join(corpus, 'miwg')).filter((file) => file.endsWith('.bpmn')).sort();
const camunda8 = ['bpmn-js-properties-panel', 'camunda-8-js-sdk', 'c8ctl'].flatMap((folder) =>
  readdirSync(path.join(corpus, 'camunda8', folder))
    .filter((file) => file.endsWith('.bpmn'))
    .map((file) => path.join(folder, file)),
);

test.use({ storageState: storageStateFor('designer') });

test.beforeEach(({ page }) => {
  // Several reference diagrams share a process id: importing one again replaces the earlier draft.
  page.on('dialog', (dialog) => void dialog.accept());
});

async function roundTrip(page: Page, file: string): Promise<void> {
  const original = readFileSync(file, 'utf8');
  await importThroughUi(page, file);
  await expect(page.getByText('This diagram could not be opened')).toHaveCount(0);
  const exported = await downloadFromEditor(page);
  expect(await semanticContent(exported)).toEqual(await semanticContent(original));
}

test.describe('every MIWG reference diagram survives the editor', () => {
  for (const file of miwg) {
    test(`${file} imports and exports with the same ids, types, names and flows`, async ({ page }) => {
      await roundTrip(page, path.join(corpus, 'miwg', file));
    });
  }
});

test.describe('Camunda 8 models keep their Zeebe properties', () => {
  for (const file of camunda8) {
    test(`${file} imports and exports with its extension elements`, async ({ page }) => {
      await roundTrip(page, path.join(corpus, 'camunda8', file));
    });
  }

  test('the properties panel shows the assignment of an imported Camunda 8 user task', async ({ page }) => {
    await importThroughUi(page, path.join(corpus, 'camunda8', 'bpmn-js-properties-panel', 'AssignmentDefinitionProps.bpmn'));
    await select(page, 'UserTask_4');
    await openGroup(page, 'Assignment');
    await expect(editor(page).panel.getByRole('textbox', { name: 'Assignee', exact: true })).toHaveValue('foo');
  });

  test('the properties panel shows the job type of an imported Camunda 8 service task', async ({ page }) => {
    await importThroughUi(page, path.join(corpus, 'camunda8', 'camunda-8-js-sdk', 'hello-world-complete.bpmn'));
    await select(page, 'ServiceTask_0g6tf5f');
    await openGroup(page, 'Task definition');
    await expect(editor(page).panel.getByRole('textbox', { name: 'Job type', exact: true })).toHaveValue('console-log-complete');
  });
});
