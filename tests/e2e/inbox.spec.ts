import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAndWait, storageStateFor } from './support/accounts';

const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('someone with nothing to do sees an empty inbox that says what comes here', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, 'daniel.reyes@baton.example');
  await expect(page.getByRole('region', { name: 'You’re all caught up' })).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('0');
  await page.screenshot({ path: `${shots}/inbox-empty.png`, fullPage: true });
  await expectNoSeriousViolations(page);
});

test.describe('as Sam', () => {
  test.use({ storageState: storageStateFor('member') });

  test('filters are reachable from the keyboard, and a filter with no match says so', async ({
    page,
  }) => {
    await page.goto('/inbox');
    // Hydration re-renders the filter form; focus set before it finishes is lost.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Due').focus();
    await page.getByLabel('Due').selectOption('overdue');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Sort by', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Apply' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/due=overdue/);
    await expect(page.getByRole('region', { name: 'No tasks match these filters' })).toBeVisible();
    await page.screenshot({ path: `${shots}/inbox-filtered-empty.png`, fullPage: true });
    await expectNoSeriousViolations(page);
  });

  test('my requests lists what I started, newest first, with where each stands', async ({
    page,
  }) => {
    await page.goto('/requests');
    await expect(page.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();
    await page.screenshot({ path: `${shots}/inbox-my-requests.png`, fullPage: true });
    await expectNoSeriousViolations(page);
  });
});
