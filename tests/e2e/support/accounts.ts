import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import type { Role } from '@/lib/auth/roles';

export const DEMO_PASSWORD = process.env.BATON_DEMO_PASSWORD ?? 'baton-demo';

/** One demo account per role; the member is the employee at the bottom of the approval chain. */
export function accountFor(role: Role) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account has the role ${role}.`);
  return account;
}

export function storageStateFor(role: Role): string {
  return path.join(import.meta.dirname, '..', '.auth', `${role}.json`);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAndWait(
  page: Page,
  email: string,
  landing = /\/inbox$/,
): Promise<void> {
  await page.goto('/sign-in');
  await signIn(page, email);
  await expect(page).toHaveURL(landing);
}
