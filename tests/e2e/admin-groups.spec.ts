import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

test.use({ storageState: storageStateFor('admin') });

// A key of its own per run, so a rerun against a server that kept its data still creates a group.
test('an admin creates a group, adds a member, and sees the membership in the audit log', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const key = `travel-${suffix}`;
  const name = `Travel approvers ${suffix}`;

  await page.goto('/admin');
  await expect(page.getByRole('link', { name: /Groups/ })).toContainText(/\d+ groups?/);
  await page.screenshot({ path: 'test-results/screenshots/admin-home-groups.png', fullPage: true });
  await page.getByRole('link', { name: /Groups/ }).click();
  await expect(page).toHaveURL(/\/admin\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  // The seeded queue the demo purchase request falls back to.
  await expect(page.getByRole('listitem', { name: 'Finance approvers' })).toContainText('finance');

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Key').fill(key);
  await page.getByLabel('Description').fill('Approve travel when the chain cannot');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('status')).toHaveText(`Created “${name}”. Add its members below.`);

  const group = page.getByRole('listitem', { name });
  await expect(group).toContainText('0 members');
  await expect(group).toContainText('Nobody is in this group yet');
  await group.getByLabel(`Account to add to ${name}`).selectOption({ label: 'Sofia Marino (sofia.marino@baton.example)' });
  await group.getByLabel(`Reason for the change to ${name}`).fill('Covers travel while Priya is away');
  await group.getByRole('button', { name: 'Add member' }).click();
  await expect(group.getByRole('list', { name: `Members of ${name}` })).toContainText('Sofia Marino');
  await expect(group).toContainText('1 member');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screenshots/admin-groups.png', fullPage: true });

  await page.goto('/admin/audit');
  await page.getByLabel('Record').selectOption('account');
  await page.getByLabel('Field').selectOption('account.group');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/log=account/);
  const row = page.getByRole('row').filter({ hasText: key }).first();
  await expect(row).toContainText('Sofia Marino');
  await expect(row).toContainText('Group membership');
  await expect(row).toContainText(`Added to ${key}`);
  await expect(row).toContainText('Margaret Okafor');
  await expect(row).toContainText('Covers travel while Priya is away');
  await page.screenshot({ path: 'test-results/screenshots/admin-audit-group.png', fullPage: true });

  await page.goto('/admin/users');
  await expect(page.getByLabel('Groups of Sofia Marino')).toContainText(key);
  const sofia = page.getByRole('row').filter({ hasText: 'sofia.marino@baton.example' });
  await sofia.getByText(/\d+ changes?$/).click();
  await expect(sofia.getByRole('list', { name: 'Account history of Sofia Marino' })).toContainText(`Added to ${key}`);
  await page.screenshot({ path: 'test-results/screenshots/admin-users-history.png', fullPage: true });
});
