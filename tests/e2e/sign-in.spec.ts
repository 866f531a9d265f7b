import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, accountFor, signIn, signInAndWait } from './support/accounts';

const INVALID = 'That email and password do not match an account.';

test('a wrong password is refused with a message that does not say whether the email exists', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await signIn(page, accountFor('member').email, 'not-the-password');
  await expect(page.locator('form').getByRole('alert')).toHaveText(INVALID);
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, 'nobody@baton.example', 'not-the-password');
  await expect(page.locator('form').getByRole('alert')).toHaveText(INVALID);
});

test('after five failures the email is locked for a while, even with the right password', async ({
  page,
}) => {
  const email = 'grace.mensah@baton.example';
  await page.goto('/sign-in');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, email, `wrong-${attempt}`);
    await expect(page.locator('form').getByRole('alert')).toHaveText(INVALID);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    /^Too many attempts; try again in 1[45] minutes\.$/,
  );
});

test('signing out from the user menu ends the session', async ({ page }) => {
  await signInAndWait(page, accountFor('designer').email);
  const menuButton = page.getByRole('button', { name: /Account menu/ });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const signOut = page.getByRole('menuitem', { name: 'Sign out' });
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(signOut).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu', { name: 'Account' })).toContainText('Designer');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox$/);
});
