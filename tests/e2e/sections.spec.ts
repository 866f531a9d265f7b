import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_CHART } from '@/db/seed';
import { storageStateFor } from './support/accounts';

const SCREENSHOTS = path.join('test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

test('the sign-in page names the product and says what it is for', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Baton' })).toBeVisible();
  await expect(page.getByText('route every approval by signature authority')).toBeVisible();
  await capture(page, 'sign-in');
  await page.setViewportSize({ width: 390, height: 844 });
  await capture(page, 'sign-in-mobile');
});

test.describe('signed in as the admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  // The demo seed deploys a process and other specs create instances, tasks and
  // audit rows on the same server, so these pages are checked for their heading
  // and content area, and the empty states where they are certain to show.
  const SECTIONS = [
    { path: '/processes', heading: 'Processes', shot: 'processes' },
    { path: '/inbox', heading: 'Inbox', shot: 'inbox' },
    { path: '/instances', heading: 'Instances', shot: 'instances' },
    { path: '/admin/audit', heading: 'Audit log', shot: 'admin-audit' },
    { path: '/admin/exchange-rates', heading: 'Exchange rates', shot: 'admin-exchange-rates' },
  ];

  for (const section of SECTIONS) {
    test(`${section.path} renders its page`, async ({ page }) => {
      const response = await page.goto(section.path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
      await capture(page, section.shot);
    });
  }

  test('the demo process is deployed and can be started from the Processes page', async ({
    page,
  }) => {
    await page.goto('/processes');
    const row = page.getByRole('row', { name: /Purchase request/ });
    await expect(row).toContainText('v1');
    await expect(row.getByRole('link', { name: 'Start a Purchase request request' })).toBeVisible();
  });

  test('the admin page links to each admin area', async ({ page }) => {
    await page.goto('/admin');
    for (const area of ['Org chart', 'Users', 'Audit log', 'Exchange rates']) {
      await expect(page.getByRole('link', { name: new RegExp(area) })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: /Org chart/ })).toContainText(
      `${DEMO_ORG_CHART.length} people`,
    );
    await capture(page, 'admin');
  });

  test('the org chart lists everyone from the employees table, and search narrows it', async ({
    page,
  }) => {
    await page.goto('/admin/org');
    const rows = page.getByRole('table', { name: 'Org chart' }).getByRole('row');
    await expect(rows).toHaveCount(DEMO_ORG_CHART.length + 1);
    await expect(page.getByRole('row', { name: /^Margaret Okafor/ })).toContainText('Unlimited');
    await expect(page.getByRole('row', { name: /^Sofia Marino/ })).toContainText('$5,000');
    await capture(page, 'admin-org');

    await page.getByRole('searchbox', { name: 'Search people' }).fill('director');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=director/);
    await expect(rows).toHaveCount(5);

    await page.getByRole('searchbox', { name: 'Search people' }).fill('zzz');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('region', { name: 'Nobody matches that search' })).toBeVisible();
  });

  test('the users page lists the demo accounts with their roles', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page.getByRole('row', { name: /^Margaret Okafor/ })).toContainText(
      'Administrator',
    );
    await expect(page.getByRole('row', { name: /^Ines Carvalho/ })).toContainText('Designer');
    await capture(page, 'admin-users');
  });
});

test.describe('signed in as a member', () => {
  test.use({ storageState: storageStateFor('member') });

  test('the 403 page looks like part of the app', async ({ page }) => {
    await page.goto('/admin');
    await capture(page, 'forbidden');
  });

  test('the inbox on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/inbox');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'Processes',
      /^Inbox/,
    ]);
    await capture(page, 'inbox-mobile');
  });
});

test.describe('signed in as the designer, who has no tasks', () => {
  test.use({ storageState: storageStateFor('designer') });

  test('the inbox shows its empty state', async ({ page }) => {
    await page.goto('/inbox');
    await expect(page.getByRole('region', { name: 'You’re all caught up' })).toBeVisible();
    await capture(page, 'inbox-empty');
  });
});
