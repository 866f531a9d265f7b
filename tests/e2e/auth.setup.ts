import { expect, test as setup } from '@playwright/test';
import { ROLES } from '@/lib/auth/roles';
import { accountFor, signInAndWait, storageStateFor } from './support/accounts';

for (const role of ROLES) {
  setup(`sign in once as the demo ${role}`, async ({ page }) => {
    await signInAndWait(page, accountFor(role).email);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
