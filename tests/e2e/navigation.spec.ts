import { expect, test } from '@playwright/test';
import type { Role } from '@/lib/auth/roles';
import { storageStateFor } from './support/accounts';

const EXPECTED: Record<Role, string[]> = {
  admin: ['Processes', 'Inbox', 'Instances', 'Admin'],
  designer: ['Processes', 'Inbox', 'Instances'],
  member: ['Processes', 'Inbox'],
};

for (const [role, links] of Object.entries(EXPECTED) as [Role, string[]][]) {
  test.describe(`signed in as the ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`the navigation shows exactly ${links.join(', ')}`, async ({ page }) => {
      await page.goto('/inbox');
      const nav = page.getByRole('navigation', { name: 'Main' });
      // The inbox link may carry its open-task count after the label.
      await expect(nav.getByRole('link')).toHaveText(links.map((label) => new RegExp(`^${label}`)));
      await expect(nav.getByRole('link', { name: 'Inbox' })).toHaveAttribute(
        'aria-current',
        'page',
      );
    });
  });
}
