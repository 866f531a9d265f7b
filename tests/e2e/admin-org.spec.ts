import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

test.use({ storageState: storageStateFor('admin') });

// Ruth is outside the demo approval chain, so changing her limit leaves the other journeys as they are.
test('an admin edits a limit and sees the change in the audit log', async ({ page }) => {
  await page.goto('/admin/org?q=Ruth');
  await page.getByRole('link', { name: 'Ruth Adeyemi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ruth Adeyemi' })).toBeVisible();

  // Read the limit first, so a rerun against a server that kept its data still makes a change.
  const limit = page.getByLabel(/Authority limit/);
  const before = await limit.inputValue();
  const after = before === '150.00' ? '175.00' : '150.00';
  await limit.fill(after);
  await page.getByLabel(/Reason for the change/).fill('Buys small tools on site');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved. 1 change was recorded in the audit log.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Changes to this person' }).getByRole('listitem').first()).toContainText(
    new RegExp(`${before.replace('.', '\\.')} USD.*${after.replace('.', '\\.')} USD`),
  );
  await page.screenshot({ path: 'test-results/screenshots/admin-edit-person.png', fullPage: true });

  await page.goto('/admin/audit');
  const row = page.getByRole('row').filter({ hasText: 'Ruth Adeyemi' }).first();
  await expect(row).toContainText('Authority limit');
  await expect(row).toContainText(`${before} USD`);
  await expect(row).toContainText(`${after} USD`);
  await expect(row).toContainText('Margaret Okafor');
  await expect(row).toContainText('Buys small tools on site');
  await page.screenshot({ path: 'test-results/screenshots/admin-audit-after-edit.png', fullPage: true });

  await page.getByLabel('Field').selectOption('limit');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/field=limit/);
  await expect(page.getByRole('row').filter({ hasText: 'Ruth Adeyemi' }).first()).toContainText('Authority limit');
});

test('a manager cycle is refused with a message naming the cycle', async ({ page }) => {
  await page.goto('/admin/org?q=Thomas');
  await page.getByRole('link', { name: 'Thomas Berg' }).click();

  await page.getByLabel('Manager').selectOption({ label: 'Sam Patel — Buyer' });
  await page.getByLabel(/Reason for the change/).fill('Reorganisation');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'manager cycle' })).toHaveText(
    'Thomas Berg cannot report to Sam Patel: that makes a manager cycle (Thomas Berg → Sam Patel → Sofia Marino → Thomas Berg, each followed by their manager), and approvals could never reach the top.',
  );
  await expect(page.getByLabel('Manager')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screenshots/admin-cycle-refused.png', fullPage: true });

  await page.goto('/admin/org?q=Thomas');
  await expect(page.getByRole('row').filter({ hasText: 'Thomas Berg' })).toContainText('Daniel Reyes');
});

test('an admin cannot change their own limit', async ({ page }) => {
  await page.goto('/admin/org?q=Margaret');
  await page.getByRole('link', { name: 'Margaret Okafor' }).click();

  await expect(page.getByText('This is you. Nobody may change their own authority limit')).toBeVisible();
  await expect(page.getByLabel(/Authority limit/)).toBeDisabled();
  await expect(page.getByLabel('Unlimited')).toBeDisabled();
});

test('the tree shows managers above their reports and opens with the keyboard', async ({ page }) => {
  await page.goto('/admin/org?view=tree');
  const tree = page.getByRole('list', { name: 'Org chart tree' });
  await expect(tree.getByRole('link', { name: 'Margaret Okafor' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Reports of Thomas Berg' })).toHaveCount(0);

  const toggle = page.getByRole('button', { name: 'Show 1 report of Thomas Berg' });
  await toggle.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('button', { name: 'Hide 1 report of Thomas Berg' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('list', { name: 'Reports of Thomas Berg' }).getByRole('link', { name: 'Sofia Marino' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/admin-org-tree.png', fullPage: true });
});
