import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { as, openTask, SAM, SOFIA, startRequest, THOMAS } from './support/requests';

const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

test('Sofia hands her approval to Thomas, who decides for her; the requester cannot take it and the history shows the move', async ({
  browser,
}) => {
  test.slow();
  const title = `Headsets ${Date.now()}`;
  const sam = await browser.newPage({ storageState: storageStateFor('member') });
  await startRequest(sam, title, '700', 'Noise-cancelling headsets for the support desk.');

  const sofia = await as(browser, SOFIA);
  const taskId = await openTask(sofia, title);
  const handOver = sofia.getByLabel('Hand over to (email)');
  await expect(handOver).toHaveAccessibleDescription(/on behalf of this step’s approver/);

  await handOver.fill(SAM);
  await sofia.getByRole('button', { name: 'Reassign' }).click();
  await expect(sofia.getByRole('alert').filter({ hasText: 'made this request' })).toBeVisible();
  await expect(handOver).toHaveAttribute('aria-invalid', 'true');

  await handOver.fill(THOMAS);
  await sofia.screenshot({ path: `${shots}/task-handover.png`, fullPage: true });
  await sofia.getByRole('button', { name: 'Reassign' }).click();
  await expect(sofia.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const thomas = await as(browser, THOMAS);
  await openTask(thomas, title);
  await expect(thomas.getByText('Sofia Marino').first()).toBeVisible();
  await thomas.getByRole('button', { name: 'Approve' }).click();
  await expect(thomas.getByRole('status').filter({ hasText: /^You approved/ }).first()).toBeVisible();

  await sam.goto('/requests');
  await expect(sam.getByRole('row', { name: new RegExp(title) })).toContainText('Approved');

  const operator = await browser.newPage({ storageState: storageStateFor('designer') });
  await operator.goto(`/tasks/${taskId}`);
  await expect(operator.getByRole('region', { name: 'Approval chain so far' })).toContainText('Thomas Berg');
  const task = (await (await operator.request.get(`/api/v1/tasks/${taskId}`)).json()) as { task: { instanceId: string } };
  await operator.goto(`/instances/${task.task.instanceId}`);
  await expect(operator.getByRole('region', { name: 'History' })).toContainText(
    `${SOFIA} → ${THOMAS} (for ${SOFIA})`,
  );
});
