import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

test.use({ storageState: storageStateFor('admin') });

test('"who would approve?" sends 12,500 from Sam Patel to Sofia Marino, then Thomas Berg', async ({ page }) => {
  await page.goto('/admin/approvers');
  await expect(page.getByRole('heading', { name: 'Try a request' })).toBeVisible();

  await page.getByLabel('Requester', { exact: true }).selectOption({ label: 'Sam Patel — Buyer' });
  await page.getByLabel('Amount', { exact: true }).fill('12500');
  await page.getByRole('button', { name: 'Show the approvers' }).click();

  await expect(page.getByRole('status')).toContainText('Sofia Marino, then Thomas Berg');
  await expect(page.getByText('12,500.00 USD').first()).toBeVisible();
  const trail = page.getByRole('list', { name: 'Approval trail' });
  await expect(trail.getByRole('listitem').filter({ hasText: 'Sofia Marino' }).first()).toContainText('Approves');
  await expect(trail.getByRole('listitem').filter({ hasText: 'Thomas Berg' }).first()).toContainText('Approves');
  await page.screenshot({ path: 'test-results/screenshots/admin-who-would-approve.png', fullPage: true });
});

test('an amount in a currency without a rate is refused with the reason', async ({ page }) => {
  await page.goto('/admin/approvers');
  await page.getByLabel('Requester', { exact: true }).selectOption({ label: 'Sam Patel — Buyer' });
  await page.getByLabel('Amount', { exact: true }).fill('1000');
  await page.getByLabel('Currency', { exact: true }).selectOption('JPY');
  await page.getByRole('button', { name: 'Show the approvers' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'No exchange rate' })).toContainText('No exchange rate from JPY to USD');
});

test('an exchange rate is added and listed with who set it', async ({ page }) => {
  await page.goto('/admin/exchange-rates');
  await page.getByLabel('Currency', { exact: true }).selectOption('CHF');
  await page.getByLabel('Rate to USD').fill('1.1250');
  await page.getByRole('button', { name: 'Save rate' }).click();

  await expect(page.getByRole('status').filter({ hasText: /(Saved|Replaced): 1 CHF = 1.1250 USD/ })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'CHF' });
  await expect(row).toContainText('1.125');
  await expect(row).toContainText('Margaret Okafor');
  await page.screenshot({ path: 'test-results/screenshots/admin-exchange-rate-saved.png', fullPage: true });
});
