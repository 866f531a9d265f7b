import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    }));
}

test('the sign-in page has no serious accessibility problems', async ({ page }) => {
  await page.goto('/sign-in');
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('signed in', () => {
  test.use({ storageState: storageStateFor('member') });

  test('the inbox has no serious accessibility problems', async ({ page }) => {
    await page.goto('/inbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the open user menu has no serious accessibility problems', async ({ page }) => {
    await page.goto('/inbox');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menu', { name: 'Account' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
