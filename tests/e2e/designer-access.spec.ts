import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures', 'purchase-approval.bpmn'), 'utf8');

test.use({ storageState: storageStateFor('member') });

test('a member sees deployed processes read-only and cannot change them', async ({ page, browser }) => {
  // Given a process a designer imported and deployed
  const designer = await browser.newContext({ storageState: storageStateFor('designer') });
  const imported = await designer.request.post('/api/v1/processes/import', { data: { xml: fixture, replace: true } });
  expect(imported.status()).toBe(201);
  const { processId, revision } = (await imported.json()) as { processId: string; revision: number };
  const deployed = await designer.request.post(`/api/v1/processes/${processId}/deploy`, { data: { revision } });
  expect(deployed.status()).toBe(201);
  await designer.close();

  // When a member opens the processes page, they see it without design actions
  await page.goto('/processes');
  await expect(page.getByRole('link', { name: 'Purchase approval', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New process' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Import/ })).toHaveCount(0);

  // And the process opens as a diagram without palette, properties or deploy
  await page.getByRole('link', { name: 'Purchase approval', exact: true }).click();
  await expect(page.getByTestId('bpmn-viewer').locator('.djs-element[data-element-id="ApproveRequest"]')).toBeAttached({
    timeout: 30_000,
  });
  await expect(page.getByText('read-only')).toBeVisible();
  await expect(page.locator('.djs-palette')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Deploy' })).toHaveCount(0);

  // And the server refuses their changes, whatever the page shows
  const save = await page.request.put(`/api/v1/processes/${processId}/draft`, { data: { baseRevision: revision, xml: fixture } });
  expect(save.status()).toBe(403);
  const deploy = await page.request.post(`/api/v1/processes/${processId}/deploy`, { data: { revision } });
  expect(deploy.status()).toBe(403);
  const create = await page.request.post('/api/v1/processes', { data: { name: 'Sneaky' } });
  expect(create.status()).toBe(403);
  await page.goto('/processes/new');
  await expect(page.getByText('403 · Not allowed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create and open' })).toHaveCount(0);

  // But they can download what is deployed
  const download = await page.request.get(`/api/v1/processes/${processId}/download?version=1`);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain('id="purchase-approval"');
});
