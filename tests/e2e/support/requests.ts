import { expect, type Browser, type Page } from '@playwright/test';
import { signInAndWait } from './accounts';

export const SAM = 'sam.patel@baton.example';
export const SOFIA = 'sofia.marino@baton.example';
export const THOMAS = 'thomas.berg@baton.example';

/** A page signed in as `email` in a clean context (a spec's storageState would otherwise sign it in as someone else). */
export async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

/** Starts the demo purchase request from its start form and waits for it on My requests. */
export async function startRequest(
  page: Page,
  title: string,
  amount: string,
  why = 'Three laptops for the new analysts.',
): Promise<void> {
  await page.goto('/requests/new');
  await page.getByRole('link', { name: /Purchase request/ }).click();
  await page.getByLabel('What are you buying?').fill(title);
  await page.getByLabel('Amount').fill(amount);
  await page.getByLabel('Why is it needed?').fill(why);
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/requests/);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
}

/** Opens the task of that title from the inbox and returns its id. */
export async function openTask(page: Page, title: string): Promise<string> {
  await page.goto('/inbox');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url().split('/').pop()!;
}
