import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { accountFor, storageStateFor } from './support/accounts';
import { as, openTask, SAM, SOFIA, startRequest, THOMAS } from './support/requests';

const demo = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../../db/demo', file), 'utf8');
const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * The demo purchase request as the seed deploys it. When the seed has not
 * deployed it (or its start form), the designer's API does: the start form is
 * stored under a generated id and the diagram deployed pointing at it.
 */
async function ensureDemoProcess(request: APIRequestContext): Promise<void> {
  const { forms } = (await (await request.get('/api/v1/forms')).json()) as { forms: { formId: string; name: string }[] };
  const { processes } = (await (await request.get('/api/v1/processes')).json()) as {
    processes: { processId: string; latestVersion: number | null }[];
  };
  const deployed = processes.some((process) => process.processId === 'purchase-request' && process.latestVersion !== null);
  if (deployed && forms.some((form) => form.formId === 'purchase-request' || form.name === 'Purchase request (start)')) return;

  let formId = forms.find((form) => form.formId === 'purchase-request' || form.name === 'Purchase request (start)')?.formId;
  if (!formId) {
    const created = await request.post('/api/v1/forms', { data: { name: 'Purchase request (start)' } });
    expect(created.status()).toBe(201);
    const { formId: id, revision } = (await created.json()) as { formId: string; revision: number };
    const schema = { ...(JSON.parse(demo('purchase-request.form.json')) as object), id };
    const saved = await request.put(`/api/v1/forms/${id}`, { data: { baseRevision: revision, name: 'Purchase request (start)', schema } });
    expect(saved.ok()).toBe(true);
    formId = id;
  }
  const xml = demo('purchase-request.bpmn').replace('formId="purchase-request"', `formId="${formId}"`);
  const imported = await request.post('/api/v1/processes/import', { data: { xml, replace: true } });
  expect(imported.status()).toBe(201);
  const { revision } = (await imported.json()) as { revision: number };
  const deploy = await request.post('/api/v1/processes/purchase-request/deploy', { data: { revision } });
  expect(deploy.status()).toBe(201);
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('a purchase request from start to decision', () => {
  test.use({ storageState: storageStateFor('designer') });

  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor('designer') });
    await ensureDemoProcess(request);
    await request.dispose();
  });

  test('Sam asks for 12,500; Sofia then Thomas approve; Sam sees Approved and the path taken', async ({ browser }) => {
    const title = `Laptops ${Date.now()}`;
    const sofia = await as(browser, SOFIA);
    const before = Number(await sofia.getByTestId('count-all').textContent());

    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    expect(accountFor('member').email).toBe(SAM);
    await startRequest(sam, title, '12500');
    await expect(sam.getByRole('row', { name: new RegExp(title) })).toContainText('Waiting');
    await expect(sam.getByRole('row', { name: new RegExp(title) })).toContainText('Sofia Marino');

    await sofia.reload();
    await expect(sofia.getByTestId('count-all')).toHaveText(String(before + 1));
    await expect(sofia.getByRole('row', { name: new RegExp(title) })).toContainText('12,500.00 USD');
    await sofia.screenshot({ path: `${shots}/inbox-sofia.png`, fullPage: true });
    await expectNoSeriousViolations(sofia);

    await openTask(sofia, title);
    await expect(sofia.getByText('Sam Patel').first()).toBeVisible();
    await expect(sofia.getByTestId('instance-diagram').locator('.baton-active')).toHaveCount(1);
    await sofia.screenshot({ path: `${shots}/task-sofia-approval.png`, fullPage: true });
    await expectNoSeriousViolations(sofia);
    await sofia.getByLabel('Comment', { exact: true }).fill('Within budget.');
    await sofia.getByRole('button', { name: 'Approve' }).click();
    // The panel's confirmation, or once the page has refreshed, the task's own record of the decision.
    await expect(sofia.getByRole('status').filter({ hasText: /^You approved/ }).first()).toBeVisible();

    const thomas = await as(browser, THOMAS);
    await openTask(thomas, title);
    await expect(thomas.getByRole('region', { name: 'Approval chain so far' })).toContainText('Sofia Marino');
    await expect(thomas.getByRole('region', { name: 'Approval chain so far' })).toContainText('Within budget.');
    await thomas.screenshot({ path: `${shots}/task-thomas-chain.png`, fullPage: true });
    await thomas.getByRole('button', { name: 'Approve' }).click();
    await expect(thomas.getByRole('status').filter({ hasText: /^You approved/ }).first()).toBeVisible();

    await sam.goto('/requests');
    await expect(sam.getByRole('row', { name: new RegExp(title) })).toContainText('Approved');

    const operator = await browser.newPage({ storageState: storageStateFor('designer') });
    await operator.goto(`/instances?startedBy=${encodeURIComponent(SAM)}&state=completed`);
    await operator.getByRole('link', { name: 'Purchase request' }).first().click();
    const diagram = operator.getByTestId('instance-diagram');
    await expect(diagram.locator('[data-element-id="Approved"].baton-done')).toHaveCount(1);
    await expect(diagram.locator('[data-element-id="ManagerApproval"].baton-done')).toHaveCount(1);
    await expect(diagram.locator('[data-element-id="Rejected"].baton-done')).toHaveCount(0);
    await expect(operator.getByRole('region', { name: 'History' })).toContainText('Approval decided');
    // The approval steps are a list of records: laid out one field per line, and reachable by keyboard when they scroll.
    const approvals = operator.getByLabel('Value of approvals');
    await expect(approvals).toContainText('"approver": "sofia.marino@baton.example"');
    await operator.screenshot({ path: `${shots}/instance-approved.png`, fullPage: true });
    await approvals.focus();
    await expect(approvals).toBeFocused();
  });

  test('a rejection needs a comment, and Sam then sees Rejected', async ({ browser }) => {
    const title = `Chairs ${Date.now()}`;
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await startRequest(sam, title, '600');

    const sofia = await as(browser, SOFIA);
    await openTask(sofia, title);
    await sofia.getByRole('button', { name: 'Reject' }).click();
    await expect(sofia.getByRole('alert').filter({ hasText: 'Say why you reject the request.' })).toBeVisible();
    await expect(sofia.getByLabel('Comment', { exact: true })).toBeFocused();
    await sofia.screenshot({ path: `${shots}/task-reject-needs-comment.png`, fullPage: true });
    await sofia.getByLabel('Comment', { exact: true }).fill('We have spare chairs in storage.');
    await sofia.getByRole('button', { name: 'Reject' }).click();
    // The panel's confirmation, or once the page has refreshed, the task's own record of the decision.
    await expect(sofia.getByRole('status').filter({ hasText: /^You rejected/ }).first()).toBeVisible();
    await expect(sofia.getByRole('button', { name: 'Reject' })).toHaveCount(0);

    await sam.goto('/requests');
    await expect(sam.getByRole('row', { name: new RegExp(title) })).toContainText('Rejected');
  });

  test('a bad form value is refused: in the browser by the form, on the server naming the field', async ({ browser, playwright, baseURL }) => {
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await sam.goto('/requests/new');
    await sam.getByRole('link', { name: /Purchase request/ }).click();
    await sam.getByLabel('What are you buying?').fill('Nothing at all');
    await sam.getByLabel('Amount').fill('0');
    await sam.getByRole('button', { name: 'Submit request' }).click();
    await expect(sam.getByText(/Field must have minimum value of 0.01/)).toBeVisible();
    await expect(sam).toHaveURL(/\/requests\/new\//);
    await sam.screenshot({ path: `${shots}/task-start-form-refused.png`, fullPage: true });

    const api = await playwright.request.newContext({ baseURL, storageState: storageStateFor('member') });
    const refused = await api.post('/api/v1/instances', {
      data: { processId: 'purchase-request', values: { title: 'Bypassing the browser', amount: -5 } },
    });
    expect(refused.status()).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid', field: 'amount' } });
    await api.dispose();
  });

  test('a stranger gets 403 from the page and from the API', async ({ browser, playwright, baseURL }) => {
    const title = `Monitors ${Date.now()}`;
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await startRequest(sam, title, '900');
    const sofia = await as(browser, SOFIA);
    await openTask(sofia, title);
    const taskUrl = sofia.url();
    const taskId = taskUrl.split('/').pop()!;

    const thomas = await as(browser, THOMAS);
    const response = await thomas.goto(taskUrl);
    expect(response?.status()).toBe(403);
    await thomas.screenshot({ path: `${shots}/task-stranger-403.png` });

    const api = await playwright.request.newContext({ baseURL, storageState: await thomas.context().storageState() });
    const attempt = await api.post(`/api/v1/tasks/${taskId}/complete`, { data: { decision: 'approve' } });
    expect(attempt.status()).toBe(403);
    await api.dispose();
  });

  test('two tabs approve the same task at once: one counts, the other is told who decided', async ({ browser }) => {
    const title = `Desks ${Date.now()}`;
    const sam = await browser.newPage({ storageState: storageStateFor('member') });
    await startRequest(sam, title, '800');

    const first = await as(browser, SOFIA);
    await openTask(first, title);
    const second = await first.context().browser()!.newContext({ storageState: await first.context().storageState() });
    const other = await second.newPage();
    await other.goto(first.url());

    await Promise.all([
      first.getByRole('button', { name: 'Approve' }).click(),
      other.getByRole('button', { name: 'Approve' }).click(),
    ]);
    // The winner is told they approved (by the panel, or after the refresh by the task's record of
    // the decision); the other click is refused, naming who decided, how and when.
    const won = /^You approved/;
    const outcomes = [first, other].map((page) =>
      page
        .getByRole('alert')
        .filter({ hasText: /already approved by/ })
        .or(page.getByRole('status').filter({ hasText: won }))
        .first(),
    );
    await Promise.all(outcomes.map((outcome) => expect(outcome).toBeVisible()));
    const texts = await Promise.all(outcomes.map((outcome) => outcome.textContent()));
    expect(texts.filter((text) => won.test(text ?? ''))).toHaveLength(1);
    expect(texts.find((text) => !won.test(text ?? ''))).toMatch(
      /already approved by Sofia Marino \(via inbox\) at .* UTC\. Nothing was changed\./,
    );
    const loser = won.test(texts[0] ?? '') ? other : first;
    await loser.screenshot({ path: `${shots}/task-race-lost.png`, fullPage: true });
  });
});
