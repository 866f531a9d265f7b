import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalLinkTokens } from '@/db/schema';
import { hashLinkToken } from '@/lib/approval-links/token';
import { decideTask } from '@/lib/tasks/decide-task';
import { confirmLink, formTokenIn, openLink } from './support/link-page';
import { email, linkIn, openMailWorld, tokenOf, BASE_URL, type MailWorld } from './support/mail-world';

describe('the approval link page', () => {
  let world: MailWorld;
  beforeAll(async () => {
    world = await openMailWorld();
  });
  afterAll(() => world.close());

  /** Starts a request and returns the links of Mia's mail. */
  async function miasLinks(variables: Record<string, unknown> = {}) {
    const started = await world.startRequest(variables);
    await world.sender.runOnce();
    const mail = await mailFor(started.taskId);
    return { ...started, approve: linkIn(mail.text!, 'Approve'), reject: linkIn(mail.text!, 'Reject') };
  }

  /** The approval mail of this task (other mails of earlier specs may arrive in the same batch). */
  async function mailFor(taskId: string) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const mail = world.smtp.messages.find((message) => message.text?.includes(`/tasks/${taskId}`));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`Expected the mail of task ${taskId}, but it did not arrive`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const decisionsOf = (instanceId: string) => world.engine.listApprovalDecisions({ instanceId });

  it('given a plain GET or HEAD of the Approve link, then it shows the request and a confirm form, and changes nothing', async () => {
    const { instanceId, taskId, approve } = await miasLinks();
    const history = await world.engine.history(instanceId);

    const { response, html } = await openLink(approve);
    const head = await openLink(approve, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('Approve this request?');
    expect(html).toContain('New laptops');
    expect(html).toContain('Confirm approval');
    expect(head.response.status).toBe(200);
    expect(head.html).toBe('');
    expect(await world.engine.getTask(taskId)).toMatchObject({ status: 'open' });
    expect(await decisionsOf(instanceId)).toEqual([]);
    expect(await world.engine.history(instanceId)).toEqual(history);
    const [link] = await world.handle.db
      .select()
      .from(approvalLinkTokens)
      .where(eq(approvalLinkTokens.tokenHash, hashLinkToken(tokenOf(approve))));
    expect(link).toMatchObject({ usedAt: null, voidedAt: null, approver: email('mia'), decision: 'approve' });
  });

  it('given the confirmation is posted, then the task is approved via email like in the inbox, and the next approver is mailed', async () => {
    const { instanceId, taskId, approve } = await miasLinks();
    const { response, html } = await confirmLink(approve, { comment: 'Fine by me' });

    expect(response.status).toBe(200);
    expect(html).toContain('You approved the request');
    expect(await world.engine.getTask(taskId)).toMatchObject({ status: 'completed' });
    expect(await decisionsOf(instanceId)).toEqual([
      expect.objectContaining({ decision: 'approve', channel: 'email', comment: 'Fine by me' }),
    ]);
    await world.sender.runOnce();
    const [danasTask] = await world.engine.listTasks({ instanceId, status: 'open' });
    const next = await mailFor(danasTask!.id);
    expect(next.to).toMatchObject({ value: [{ address: email('dana') }] });
    expect(next.text).toContain('Mia Moreno approved via email');
  });

  it('given the whole chain approves by mail, then the requester is told it was approved', async () => {
    const { instanceId, approve } = await miasLinks();
    await confirmLink(approve);
    await world.sender.runOnce();
    const [danasTask] = await world.engine.listTasks({ instanceId, status: 'open' });
    await confirmLink(linkIn((await mailFor(danasTask!.id)).text!, 'Approve'));
    const before = world.smtp.messages.length;
    await world.sender.runOnce();
    const outcome = (await world.smtp.waitFor(before + 1)).find((message) => message.subject?.startsWith('Your request'))!;

    expect(await world.engine.getInstance(instanceId)).toMatchObject({ status: 'completed', variables: { approved: true } });
    expect(outcome.to).toMatchObject({ value: [{ address: email('eli') }] });
    expect(outcome.subject).toBe('Your request "New laptops" was approved');
    expect(outcome.text).toContain('Dana Diaz');
  });

  it('given a used link is posted again, then it is refused and says who decided, and the Reject link of the same mail is void', async () => {
    const { instanceId, approve, reject } = await miasLinks();
    const form = formTokenIn((await openLink(approve)).html);
    await confirmLink(approve, { formToken: form });

    const again = await confirmLink(approve, { formToken: form });
    const other = await openLink(reject);

    expect(again.response.status).toBe(410);
    expect(again.html).toMatch(/Already approved by Mia Moreno via email at/);
    expect(other.response.status).toBe(410);
    expect(other.html).toMatch(/Already approved by Mia Moreno via email at/);
    expect(await decisionsOf(instanceId)).toHaveLength(1);
  });

  it('given a reject link, then a comment is required before it rejects', async () => {
    const { instanceId, reject } = await miasLinks();
    const page = await openLink(reject);
    expect(page.html).toContain('Why do you reject it? (required)');

    const bare = await confirmLink(reject, { comment: '   ' });
    expect(bare.response.status).toBe(422);
    expect(bare.html).toContain('Say why you reject the request.');
    expect(await decisionsOf(instanceId)).toEqual([]);

    const done = await confirmLink(reject, { comment: 'Over budget' });
    expect(done.html).toContain('You rejected the request');
    expect(await world.engine.getInstance(instanceId)).toMatchObject({ status: 'completed', variables: { approved: false } });
  });

  it('given an expired link, then it says so and decides nothing', async () => {
    const { taskId, approve } = await miasLinks();
    const form = formTokenIn((await openLink(approve)).html);
    await world.handle.db
      .update(approvalLinkTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(approvalLinkTokens.tokenHash, hashLinkToken(tokenOf(approve))));

    const page = await openLink(approve);
    expect(page.response.status).toBe(410);
    expect(page.html).toContain('This link expired on');
    const posted = await confirmLink(approve, { formToken: form });
    expect(posted.response.status).toBe(410);
    expect(await world.engine.getTask(taskId)).toMatchObject({ status: 'open' });
  });

  it('given a tampered or unknown token, then a plain 400 or 404 page', async () => {
    const { approve } = await miasLinks();
    const truncated = await openLink(approve.slice(0, -3), { ip: '198.51.100.1' });
    const unknown = await openLink(`${BASE_URL}/approve/${'A'.repeat(43)}`, { ip: '198.51.100.1' });
    expect(truncated.response.status).toBe(400);
    expect(unknown.response.status).toBe(404);
    expect(unknown.response.headers.get('cache-control')).toBe('no-store');
  });

  it('given someone keeps guessing tokens, then they are told to wait, even with a real link', async () => {
    const { approve } = await miasLinks();
    for (let i = 0; i < 20; i++) await openLink(`${BASE_URL}/approve/${String(i).padStart(43, 'B')}`, { ip: '198.51.100.9' });
    expect((await openLink(approve, { ip: '198.51.100.9' })).response.status).toBe(429);
    expect((await openLink(approve, { ip: '198.51.100.10' })).response.status).toBe(200);
  });

  it('given the task was decided in the inbox, then the link says who decided it and how', async () => {
    const { taskId, approve } = await miasLinks();
    await decideTask(
      { db: world.handle.db, engine: world.engine },
      { taskId, actor: { email: email('mia'), role: 'member' }, channel: 'inbox', decision: 'approve' },
    );
    const page = await openLink(approve);
    expect(page.response.status).toBe(410);
    expect(page.html).toMatch(/Already approved by Mia Moreno via inbox at \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) UTC/);
  });

  it('given the browser is signed in as someone else, then the link refuses to show or decide', async () => {
    const { instanceId, approve } = await miasLinks();
    const danaCookie = await world.sessionCookie('dana');
    const miaCookie = await world.sessionCookie('mia');

    const page = await openLink(approve, { cookie: danaCookie });
    expect(page.response.status).toBe(403);
    expect(page.html).toContain('This link belongs to Mia Moreno');

    const form = formTokenIn((await openLink(approve)).html);
    const posted = await confirmLink(approve, { cookie: danaCookie, formToken: form });
    expect(posted.response.status).toBe(403);
    expect(await decisionsOf(instanceId)).toEqual([]);

    expect((await openLink(approve, { cookie: miaCookie })).response.status).toBe(200);
  });

  it('given a post from another site or without the form token, then it is refused', async () => {
    const { instanceId, approve } = await miasLinks();
    const crossSite = await confirmLink(approve, { origin: 'https://evil.example' });
    const forged = await confirmLink(approve, { formToken: `${Date.now()}.forged` });
    expect(crossSite.response.status).toBe(403);
    expect(forged.response.status).toBe(403);
    expect(await decisionsOf(instanceId)).toEqual([]);
  });

  it('given HTML in the request title, then the page shows it as text', async () => {
    const { approve } = await miasLinks({ title: '<script>alert(1)</script>' });
    const { html } = await openLink(approve);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
