import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

test.use({ storageState: storageStateFor('admin') });

test('a CSV dry run lists each row’s changes and errors, and changes nothing', async ({ page }) => {
  await page.goto('/admin/org/import');
  await page.getByLabel('CSV text').fill(
    [
      'email,name,title,manager_email,limit,active',
      'ruth.adeyemi@baton.example,Ruth Adeyemi,Senior Maintenance Technician,james.whitfield@baton.example,100,yes',
      'new.hire@baton.example,New Hire,Buyer,nobody@baton.example,12.345,yes',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Check (dry run)' }).click();

  await expect(page.getByRole('alert').filter({ hasText: '1 row has errors' })).toContainText('1 row has errors. Nothing was changed.');
  const rows = page.getByRole('table', { name: 'Rows of the import' });
  const update = rows.getByRole('row').filter({ hasText: 'ruth.adeyemi@baton.example' });
  await expect(update).toContainText('Update');
  await expect(update).toContainText('Title: Maintenance Technician → Senior Maintenance Technician');
  const failing = rows.getByRole('row').filter({ hasText: 'new.hire@baton.example' });
  await expect(failing.getByRole('cell').first()).toHaveText('3');
  await expect(failing).toContainText('Manager: Nobody with the email nobody@baton.example is in the org chart or in this file.');
  await expect(failing).toContainText('Authority limit: The limit 12.345 USD has 3 decimals, but USD allows at most 2.');
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/admin-import-dry-run.png', fullPage: true });

  await page.goto('/admin/org?q=Ruth');
  await expect(page.getByRole('row').filter({ hasText: 'Ruth Adeyemi' })).toContainText('Maintenance Technician');
  await expect(page.getByRole('row').filter({ hasText: 'Ruth Adeyemi' })).not.toContainText('Senior');
});

test('the org chart downloads as CSV', async ({ page }) => {
  await page.goto('/admin/org');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^org-chart-\d{4}-\d{2}-\d{2}\.csv$/);
});
