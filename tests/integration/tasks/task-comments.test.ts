import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailOutbox, taskComments } from '@/db/schema';
import type { MailRecord } from '@/engine';
import { renderMail } from '@/lib/mail/render-mail';
import { startRequest } from '@/lib/requests/start-request';
import { addTaskComment } from '@/lib/tasks/add-task-comment';
import { decideTask } from '@/lib/tasks/decide-task';
import { getTaskPage } from '@/lib/tasks/get-task-page';
import { getTaskThread } from '@/lib/tasks/get-task-thread';
import { person, useDemoOrg } from './demo-org';

const sam = person('sam.patel');
const sofia = person('sofia.marino');
const thomas = person('thomas.berg');
const BASE_URL = 'http://baton.test';

describe('the comment thread on a task', () => {
  const given = useDemoOrg();

  /** Sam's purchase request, waiting for Sofia (up to 5,000) or for Sofia then Thomas (above). */
  async function requestFor(amount: number, title = 'Laptops') {
    const { deps, engine } = given();
    const instance = await startRequest(deps, {
      processId: 'purchase-request',
      values: { title, amount, justification: 'New hires' },
      startedBy: sam.email,
    });
    const [task] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    return { instance, task: task! };
  }

  async function commentMails(instanceId: string): Promise<MailRecord[]> {
    return given()
      .deps.db.select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.instanceId, instanceId), eq(mailOutbox.kind, 'task-comment')))
      .orderBy(mailOutbox.createdAt);
  }

  /** Posts at a given second, so the order of the thread does not hang on the clock's resolution. */
  const at = (second: number) => () => new Date(Date.UTC(2026, 2, 10, 12, 0, second));

  it('given Sofia asks the requester a question, when Sam answers, then both read the thread oldest first, each under their name', async () => {
    const { deps } = given();
    const { task } = await requestFor(600);

    await addTaskComment({ ...deps, now: at(1) }, { taskId: task.id, actor: sofia, body: '  Which model?\nThe 14" one?  ' });
    await addTaskComment({ ...deps, now: at(2) }, { taskId: task.id, actor: sam, body: 'Yes, the 14" one.' });

    for (const reader of [sam, sofia]) {
      const thread = await getTaskThread(deps, { taskId: task.id, actor: reader });
      expect(thread.open).toBe(true);
      expect(thread.comments).toEqual([
        expect.objectContaining({ authorEmail: sofia.email, authorName: 'Sofia Marino', body: 'Which model?\nThe 14" one?', taskId: task.id }),
        expect.objectContaining({ authorEmail: sam.email, authorName: 'Sam Patel', body: 'Yes, the 14" one.' }),
      ]);
    }
  });

  it('given comments posted out of order in time, then the thread lists the older one first', async () => {
    const { deps } = given();
    const { task } = await requestFor(700);
    await addTaskComment({ ...deps, now: at(30) }, { taskId: task.id, actor: sam, body: 'Second' });
    await addTaskComment({ ...deps, now: at(10) }, { taskId: task.id, actor: sofia, body: 'First' });
    await addTaskComment({ ...deps, now: at(20) }, { taskId: task.id, actor: sam, body: 'Middle' });

    const { comments } = await getTaskThread(deps, { taskId: task.id, actor: sofia });
    expect(comments.map((comment) => comment.body)).toEqual(['First', 'Middle', 'Second']);
  });

  it('given a stranger to the request, then they can neither read nor post, and nothing is stored or mailed', async () => {
    const { deps, handle } = given();
    const { instance, task } = await requestFor(800);

    await expect(getTaskThread(deps, { taskId: task.id, actor: thomas })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(addTaskComment(deps, { taskId: task.id, actor: thomas, body: 'Let me in' })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    await expect(addTaskComment(deps, { taskId: 'no-such-task', actor: sam, body: 'Hello' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await handle.db.select().from(taskComments).where(eq(taskComments.instanceId, instance.id))).toEqual([]);
    expect(await commentMails(instance.id)).toEqual([]);
  });

  it('given an empty or too long comment, then it is refused naming the body field, and 2,000 characters are fine', async () => {
    const { deps } = given();
    const { task } = await requestFor(900);

    for (const body of ['', '   \n\t  ', 'x'.repeat(2001)]) {
      await expect(addTaskComment(deps, { taskId: task.id, actor: sofia, body })).rejects.toMatchObject({
        code: 'invalid',
        status: 422,
        field: 'body',
      });
    }
    await expect(addTaskComment(deps, { taskId: task.id, actor: sofia, body: '' })).rejects.toThrow('Write a comment first.');
    await expect(addTaskComment(deps, { taskId: task.id, actor: sofia, body: 'x'.repeat(2001) })).rejects.toThrow(
      'A comment can be at most 2,000 characters.',
    );

    const longest = await addTaskComment(deps, { taskId: task.id, actor: sofia, body: ` ${'y'.repeat(2000)} ` });
    expect(longest.body).toHaveLength(2000);
    expect((await getTaskThread(deps, { taskId: task.id, actor: sam })).comments).toHaveLength(1);
  });

  it('given someone comments, then the assignee and the requester are mailed, never the author, and the mail quotes it escaped with a link to the task', async () => {
    const { deps, handle } = given();
    const { instance, task } = await requestFor(950, 'Desks <b>now</b>');

    const question = await addTaskComment(deps, { taskId: task.id, actor: sofia, body: 'Is <script>alert(1)</script> needed?\nThanks' });
    expect((await commentMails(instance.id)).map((mail) => [mail.to, mail.data])).toEqual([
      [sam.email, { commentId: question.id }],
    ]);

    await addTaskComment(deps, { taskId: task.id, actor: sam, body: 'Answered.' });
    expect((await commentMails(instance.id)).map((mail) => mail.to).sort()).toEqual([sam.email, sofia.email]);

    // An operator who is neither assignee nor requester mails both.
    await addTaskComment(deps, { taskId: task.id, actor: { email: 'margaret.okafor@baton.example', role: 'admin' }, body: 'Noted.' });
    expect((await commentMails(instance.id)).map((mail) => mail.to).sort()).toEqual([sam.email, sam.email, sofia.email, sofia.email]);

    const mail = (await commentMails(instance.id)).find((candidate) => candidate.data['commentId'] === question.id)!;
    const rendered = await renderMail(mail, { db: handle.db, baseUrl: BASE_URL, linkTtlHours: 168, now: new Date() });
    expect(rendered.to).toBe(sam.email);
    expect(rendered.subject).toBe('Sofia Marino commented on "Desks <b>now</b>"');
    expect(rendered.text).toContain('Hello Sam Patel,');
    expect(rendered.text).toContain('Sofia Marino commented on your request:');
    expect(rendered.text).toContain('> Is <script>alert(1)</script> needed?\n> Thanks');
    expect(rendered.text).toContain(`Reply in Baton: ${BASE_URL}/tasks/${task.id}`);
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('Is &lt;script&gt;alert(1)&lt;/script&gt; needed?<br>Thanks');
    expect(rendered.html).toContain('Desks &lt;b&gt;now&lt;/b&gt;');
    expect(rendered.html).toContain(`href="${BASE_URL}/tasks/${task.id}"`);
  });

  it('given Sofia approved and the request moved on to Thomas, then her note reaches him, and Sam can still ask on her step', async () => {
    const { deps, engine } = given();
    const { instance, task: first } = await requestFor(12_500);
    await addTaskComment(deps, { taskId: first.id, actor: sofia, body: 'Thomas: the vendor quote is attached in the ERP.' });
    await decideTask(deps, { taskId: first.id, actor: sofia, channel: 'inbox', decision: 'approve' });
    const [second] = await engine.listTasks({ instanceId: instance.id, status: 'open' });
    expect(second?.assignee).toBe(thomas.email);

    const page = await getTaskPage(deps, { taskId: second!.id, actor: thomas });
    expect(page.commentsOpen).toBe(true);
    expect(page.comments).toEqual([
      expect.objectContaining({ taskId: first.id, taskName: first.name, body: 'Thomas: the vendor quote is attached in the ERP.' }),
    ]);

    await addTaskComment(deps, { taskId: first.id, actor: sam, body: 'Sofia, why did it need Thomas too?' });
    expect((await commentMails(instance.id)).map((mail) => mail.to).sort()).toEqual([sam.email, sofia.email]);
  });

  it('given the request has ended, then its thread is still read but takes no new comments', async () => {
    const { deps } = given();
    const { instance, task } = await requestFor(650);
    await addTaskComment(deps, { taskId: task.id, actor: sam, body: 'Urgent, please.' });
    await decideTask(deps, { taskId: task.id, actor: sofia, channel: 'inbox', decision: 'approve' });
    expect((await given().engine.getInstance(instance.id))?.status).toBe('completed');

    const thread = await getTaskThread(deps, { taskId: task.id, actor: sam });
    expect(thread).toMatchObject({ open: false, comments: [expect.objectContaining({ body: 'Urgent, please.' })] });
    await expect(addTaskComment(deps, { taskId: task.id, actor: sam, body: 'Thanks!' })).rejects.toMatchObject({ code: 'conflict', status: 409 });
    expect((await getTaskThread(deps, { taskId: task.id, actor: sofia })).comments).toHaveLength(1);
  });
});
