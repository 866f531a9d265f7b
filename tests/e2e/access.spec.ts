import { expect, test } from '@playwright/test';
import { accountFor, signIn, storageStateFor } from './support/accounts';

test.describe('a member', () => {
  test.use({ storageState: storageStateFor('member') });

  for (const path of ['/admin', '/admin/org', '/instances']) {
    test(`is refused ${path} with a 403 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(
        page.getByRole('heading', { name: 'You don’t have access to this page' }),
      ).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
    });
  }
});

test.describe('a signed-in user', () => {
  test.use({ storageState: storageStateFor('member') });

  test('gets the not-found page for an unknown address', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test.describe('a designer', () => {
  test.use({ storageState: storageStateFor('designer') });

  test('may open Instances but not Admin', async ({ page }) => {
    expect((await page.goto('/instances'))?.status()).toBe(200);
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
  });
});

test.describe('a signed-out visitor', () => {
  test('is sent to sign in and comes back to the page asked for', async ({ page }) => {
    await page.goto('/admin/org?q=berg');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Forg%3Fq%3Dberg$/);
    await signIn(page, accountFor('admin').email);
    await expect(page).toHaveURL(/\/admin\/org\?q=berg$/);
    await expect(page.getByRole('cell', { name: /Thomas Berg/ })).toBeVisible();
  });

  test('is sent from the home page to sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
