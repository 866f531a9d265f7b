import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

test.describe('a member', () => {
  test.use({ storageState: storageStateFor('member') });

  for (const path of [
    '/admin/audit',
    '/admin/approvers',
    '/admin/exchange-rates',
    '/admin/users',
    '/admin/org/new',
    '/admin/org/import',
    '/admin/org?view=tree',
  ]) {
    test(`is refused ${path} with a 403 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    });
  }

  test('is refused the CSV export with a 403', async ({ request }) => {
    const response = await request.get('/admin/org/export');
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain('@baton.example');
  });
});

test.describe('an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('sees every admin area, with the users linked to their person', async ({ page }) => {
    await page.goto('/admin');
    for (const name of ['Org chart', 'Who would approve?', 'Users', 'Audit log', 'Exchange rates']) {
      await expect(page.getByRole('link', { name: new RegExp(name.replace('?', '\\?')) })).toBeVisible();
    }
    await page.screenshot({ path: 'test-results/screenshots/admin-home.png', fullPage: true });
    await page.goto('/admin/users');
    await expect(page.getByRole('row').filter({ hasText: 'sam.patel@baton.example' }).getByRole('link', { name: 'Sam Patel' })).toBeVisible();
    await expect(page.getByLabel('Role of Ines Carvalho')).toHaveValue('designer');
    await expect(page.getByRole('row').filter({ hasText: 'margaret.okafor@baton.example' })).toContainText('This is you');
    await page.screenshot({ path: 'test-results/screenshots/admin-users-roles.png', fullPage: true });
    await page.goto('/admin/org');
    await page.screenshot({ path: 'test-results/screenshots/admin-org-table-view.png', fullPage: true });
  });
});
