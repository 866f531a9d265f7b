import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { storageStateFor } from './support/accounts';

const demo = (file: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../db/demo', file), 'utf8');
const SOFIA = 'sofia.marino@baton.example';
/** How "My requests" names whom a request waits for: by name, or by email in older builds. */
const WAITING_FOR_SOFIA = /Sofia Marino|sofia\.marino@/;
const WAITING_FOR_THOMAS = /Thomas Berg|thomas\.berg@/;
const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** The demo purchase request, deployed through the designer's API when the seed has not deployed it. */
async function ensureDemoProcess(request: APIRequestContext): Promise<void> {
  const { forms } = (await (await request.get('/api/v1/forms')).json()) as {
    forms: { formId: string; name: string }[];
  };
  const { processes } = (await (await request.get('/api/v1/processes')).json()) as {
    processes: { processId: string; latestVersion: number | null }[];
  };
  const isStartForm = (form: { formId: string; name: string }) =>
    form.formId === 'purchase-request' || form.name === 'Purchase request (start)';
  const deployed = processes.some(
    (process) => process.processId === 'purchase-request' && process.latestVersion !== null,
  );
  if (deployed && forms.some(isStartForm)) return;

  let formId = forms.find(isStartForm)?.formId;
  if (!formId) {
    const created = await request.post('/api/v1/forms', {
      data: { name: 'Purchase request (start)' },
    });
    expect(created.status()).toBe(201);
    const { formId: id, revision } = (await created.json()) as { formId: string; revision: number };
    const schema = { ...(JSON.parse(demo('purchase-request.form.json')) as object), id };
    const saved = await request.put(`/api/v1/forms/${id}`, {
      data: { baseRevision: revision, name: 'Purchase request (start)', schema },
    });
    expect(saved.ok()).toBe(true);
    formId = id;
  }
  const xml = demo('purchase-request.bpmn').replace(
    'formId="purchase-request"',
    `formId="${formId}"`,
  );
  const imported = await request.post('/api/v1/processes/import', { data: { xml, replace: true } });
  expect(imported.status()).toBe(201);
  const { revision } = (await imported.json()) as { revision: number };
  const deploy = await request.post('/api/v1/processes/purchase-request/deploy', {
    data: { revision },
  });
  expect(deploy.status()).toBe(201);
}

async function startRequest(page: Page, title: string, amount: string): Promise<void> {
  await page.goto('/requests/new');
  await page.getByRole('link', { name: /Purchase request/ }).click();
  await page.getByLabel('What are you buying?').fill(title);
  await page.getByLabel('Amount').fill(amount);
  await page.getByLabel('Why is it needed?').fill('Three laptops for the new analysts.');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
}

/**
 * The admin opens the dev mailbox until a mail whose subject matches arrives
 * for `to` (the sender works in the background), opens it and returns its
 * plain-text part.
 */
async function readMail(
  admin: Page,
  to: string,
  subject: RegExp,
  screenshot: string,
): Promise<string> {
  const row = admin
    .getByRole('table', { name: 'Mail kept in the dev mailbox' })
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ hasText: subject });
  await expect(async () => {
    await admin.goto('/mailbox');
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await admin.screenshot({ path: `${shots}/email-mailbox.png`, fullPage: true });
  await row.first().getByRole('link').click();
  await expect(admin.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await admin.screenshot({ path: `${shots}/${screenshot}`, fullPage: true });
  return (
    (await admin.getByRole('region', { name: 'Text part' }).locator('pre').textContent()) ?? ''
  );
}

function linkAfter(text: string, label: string): string {
  const url = new RegExp(`${label}\\s*(https?://\\S+)`).exec(text)?.[1];
  if (!url)
    throw new Error(
      `Expected a link after "${label}" in the mail, but the text part was:\n${text}`,
    );
  return url;
}

async function signedOut(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('approval by email', () => {
  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: storageStateFor('designer'),
    });
    await ensureDemoProcess(request);
    await request.dispose();
  });

  test('the approver decides from the mail: opening the link asks, only the confirmation approves, and the link then says it was used', async ({
    browser,
    playwright,
  }) => {
    const title = `Email laptops ${Date.now()}`;
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await startRequest(sam, title, '12500');
    const samsRow = sam.getByRole('row', { name: new RegExp(title) });
    await expect(samsRow).toContainText(WAITING_FOR_SOFIA);

    const admin = await browser.newPage({ storageState: storageStateFor('admin') });
    const text = await readMail(
      admin,
      SOFIA,
      new RegExp(`Approve 12,500\\.00 USD for "${title}" from Sam Patel`),
      'email-approval-mail.png',
    );
    expect(text).toContain('Sam Patel');
    const approveUrl = linkAfter(text, 'Approve:');

    const approver = await signedOut(browser);
    const opened = await approver.goto(approveUrl);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['cache-control']).toContain('no-store');
    await expect(
      approver.getByRole('heading', { level: 1, name: 'Approve this request?' }),
    ).toBeVisible();
    await expect(approver.locator('body')).toContainText(title);
    await expect(approver.locator('body')).toContainText('12,500.00');
    await expect(approver.getByRole('button', { name: 'Confirm approval' })).toBeVisible();
    await approver.screenshot({ path: `${shots}/email-approve-page.png`, fullPage: true });

    // A mail scanner fetches the link too: plain GETs decide nothing.
    const scanner = await playwright.request.newContext();
    expect((await scanner.get(approveUrl)).status()).toBe(200);
    expect((await scanner.head(approveUrl)).status()).toBe(200);
    await scanner.dispose();
    await sam.reload();
    await expect(samsRow).toContainText('Waiting');
    await expect(samsRow).toContainText(WAITING_FOR_SOFIA);

    await approver.getByRole('button', { name: 'Confirm approval' }).click();
    await expect(
      approver.getByRole('heading', { level: 1, name: 'You approved the request' }),
    ).toBeVisible();
    await approver.screenshot({ path: `${shots}/email-approved.png`, fullPage: true });

    // Above Sofia's authority, so the chain moves on to her manager.
    await sam.reload();
    await expect(samsRow).toContainText(WAITING_FOR_THOMAS);

    const again = await approver.goto(approveUrl);
    expect(again?.status()).toBe(410);
    await expect(
      approver.getByRole('heading', { level: 1, name: 'This link no longer works' }),
    ).toBeVisible();
    await expect(approver.getByRole('alert')).toHaveText(
      /^Already approved by Sofia Marino via email at /,
    );
    await approver.screenshot({ path: `${shots}/email-link-used.png`, fullPage: true });
  });
});

test.describe('sign-in by email', () => {
  test('a known user asks for a link with the keyboard, opens it from the mail and lands signed in; the link works once', async ({
    browser,
  }) => {
    const page = await signedOut(browser);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Email')).toBeFocused();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await page.keyboard.type(SOFIA);
    await page.screenshot({ path: `${shots}/email-sign-in-ask.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeFocused();
    await expect(page.getByRole('region', { name: 'Check your email' })).toContainText(SOFIA);
    await page.screenshot({ path: `${shots}/email-sign-in-check.png`, fullPage: true });

    const admin = await browser.newPage({ storageState: storageStateFor('admin') });
    const text = await readMail(
      admin,
      SOFIA,
      /Your sign-in link for Baton/,
      'email-sign-in-mail.png',
    );
    const link = linkAfter(text, 'Sign in to Baton:');

    await page.goto(link);
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account menu/ })).toContainText('Sofia Marino');
    await page.screenshot({ path: `${shots}/email-sign-in-done.png`, fullPage: true });

    const stranger = await signedOut(browser);
    await stranger.goto(link);
    await expect(stranger).toHaveURL(/\/sign-in\?.*error=Verification/);
    await expect(stranger.locator('form').getByRole('alert')).toContainText(
      'expired or was already used',
    );
    await stranger.screenshot({ path: `${shots}/email-sign-in-used.png`, fullPage: true });
  });

  test('an unknown address gets the same answer and no mail', async ({ browser }) => {
    const nobody = `nobody.${Date.now()}@baton.example`;
    const page = await signedOut(browser);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByLabel('Email').fill(nobody);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

    const admin = await browser.newPage({ storageState: storageStateFor('admin') });
    await admin.goto('/mailbox');
    await expect(admin.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
    await expect(admin.getByText(nobody)).toHaveCount(0);
  });
});
