import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { as, openTask, SAM, SOFIA, startRequest, THOMAS } from './support/requests';

const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** The admin opens the dev mailbox until the mail arrives (the sender works in the background) and returns its text part. */
async function readMail(admin: Page, to: string, subject: string): Promise<string> {
  const row = admin
    .getByRole('table', { name: 'Mail kept in the dev mailbox' })
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ hasText: subject });
  await expect(async () => {
    await admin.goto('/mailbox');
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.first().getByRole('link').click();
  await expect(admin.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await admin.screenshot({ path: `${shots}/task-comments-mail.png`, fullPage: true });
  return (await admin.getByRole('region', { name: 'Text part' }).locator('pre').textContent()) ?? '';
}

test.describe('the comment thread on a task', () => {
  test('Sofia asks Sam a question on the task; Sam follows the mail to the thread and answers; Sofia reads the answer', async ({
    browser,
  }) => {
    test.slow();
    const title = `Docking stations ${Date.now()}`;
    // A page of its own context, which the accessibility check needs.
    const sam = await (await browser.newContext({ storageState: storageStateFor('member') })).newPage();
    await startRequest(sam, title, '640', 'Two docking stations for the hot desks.');

    const sofia = await as(browser, SOFIA);
    await openTask(sofia, title);
    const thread = sofia.getByRole('region', { name: 'Comments' });
    await expect(thread).toContainText('No comments yet');

    // An empty comment is refused at the field, before anything is sent.
    await thread.getByRole('button', { name: 'Add comment' }).click();
    const message = thread.getByLabel('Your message');
    await expect(thread.getByRole('alert')).toHaveText('Write a comment first.');
    await expect(message).toHaveAttribute('aria-invalid', 'true');
    await expect(message).toBeFocused();
    await thread.screenshot({ path: `${shots}/task-comments-empty-refused.png` });

    await message.fill('Which model do you need?\nThe USB-C ones are cheaper this month.');
    await thread.getByRole('button', { name: 'Add comment' }).click();
    await expect(thread.getByRole('listitem')).toHaveCount(1);
    await expect(thread.getByRole('listitem').first()).toContainText('Sofia Marino (you)');
    await expect(message).toHaveValue('');
    await expect(thread.getByRole('alert')).toHaveCount(0);

    // Sam is told by mail, and the mail's link takes him to the thread.
    const admin = await browser.newPage({ storageState: storageStateFor('admin') });
    const mail = await readMail(admin, SAM, `Sofia Marino commented on "${title}"`);
    expect(mail).toContain('> Which model do you need?\n> The USB-C ones are cheaper this month.');
    const link = /Reply in Baton:\s*(\S+)/.exec(mail)?.[1];
    expect(link).toMatch(/\/tasks\/[^/]+$/);

    await sam.goto(new URL(link!).pathname);
    const samsThread = sam.getByRole('region', { name: 'Comments' });
    await expect(samsThread.getByRole('listitem').first()).toContainText('Sofia Marino');
    await expect(samsThread.getByRole('listitem').first()).toContainText('The USB-C ones are cheaper this month.');
    await samsThread.getByLabel('Your message').fill('The USB-C ones are fine.');
    await samsThread.getByLabel('Your message').press('Control+Enter');
    await expect(samsThread.getByRole('listitem')).toHaveCount(2);
    await expect(samsThread.getByRole('listitem').nth(1)).toContainText('Sam Patel (you)');
    await expect(samsThread.getByRole('listitem').nth(1)).toContainText('The USB-C ones are fine.');
    await sam.reload();
    await expect(samsThread.getByRole('listitem')).toHaveCount(2);
    await sam.screenshot({ path: `${shots}/task-comments-requester.png`, fullPage: true });
    const results = await new AxeBuilder({ page: sam }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await sofia.reload();
    await expect(thread.getByRole('listitem')).toHaveText([/Sofia Marino \(you\).*Which model do you need\?/s, /Sam Patel.*The USB-C ones are fine\./s]);
    await sofia.screenshot({ path: `${shots}/task-comments-approver.png`, fullPage: true });
  });

  test('the API: the task’s people read and post (201), a bad body is refused naming it (422), a stranger gets 403', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const title = `Headsets ${Date.now()}`;
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await startRequest(sam, title, '300', 'Two docking stations for the hot desks.');
    const sofia = await as(browser, SOFIA);
    const taskId = await openTask(sofia, title);
    const url = `/api/v1/tasks/${taskId}/comments`;

    const asSam = await playwright.request.newContext({ baseURL, storageState: storageStateFor('member') });
    const asSofia = await playwright.request.newContext({ baseURL, storageState: await sofia.context().storageState() });
    const thomas = await as(browser, THOMAS);
    const asThomas = await playwright.request.newContext({ baseURL, storageState: await thomas.context().storageState() });

    const empty = await asSam.get(url);
    expect(empty.status()).toBe(200);
    expect(await empty.json()).toEqual({ comments: [], open: true });

    const question = await asSofia.post(url, { data: { body: 'Wired or wireless?' } });
    expect(question.status()).toBe(201);
    expect(await question.json()).toMatchObject({ comment: { authorName: 'Sofia Marino', body: 'Wired or wireless?', taskId } });
    expect((await asSam.post(url, { data: { body: '  Wireless, please.  ' } })).status()).toBe(201);

    for (const body of ['   ', 'x'.repeat(2001)]) {
      const refused = await asSam.post(url, { data: { body } });
      expect(refused.status()).toBe(422);
      expect(await refused.json()).toMatchObject({ error: { code: 'invalid', field: 'body' } });
    }

    expect((await asThomas.get(url)).status()).toBe(403);
    const intrusion = await asThomas.post(url, { data: { body: 'Let me in.' } });
    expect(intrusion.status()).toBe(403);
    expect(await intrusion.json()).toMatchObject({ error: { code: 'forbidden' } });

    const thread = (await (await asSofia.get(url)).json()) as { comments: { authorEmail: string; body: string }[] };
    expect(thread.comments.map((comment) => [comment.authorEmail, comment.body])).toEqual([
      [SOFIA, 'Wired or wireless?'],
      [SAM, 'Wireless, please.'],
    ]);
    await Promise.all([asSam.dispose(), asSofia.dispose(), asThomas.dispose()]);
  });
});
