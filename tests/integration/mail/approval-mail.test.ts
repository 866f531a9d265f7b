import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailWorld, linkIn, email, BASE_URL, type MailWorld } from './support/mail-world';

describe('the approval mail', () => {
  let world: MailWorld;
  beforeAll(async () => {
    world = await openMailWorld();
  });
  afterAll(() => world.close());

  it('given a new approval task, then its approver gets a mail with both parts, Approve and Reject links and a link to the task', async () => {
    const { taskId } = await world.startRequest();
    expect(await world.sender.runOnce()).toMatchObject({ sent: 1, failed: 0 });

    const [mail] = await world.smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: email('mia') }] });
    expect(mail!.subject).toBe('Approve 12,500.00 USD for "New laptops" from Eli Evans?');
    expect(mail!.text).toContain('Requested by:');
    expect(mail!.text).toContain('Eli Evans <eli@org.baton.test>');
    expect(mail!.text).toContain('Justification:');
    expect(mail!.html).toContain('New laptops');

    const approve = linkIn(mail!.text!, 'Approve');
    const reject = linkIn(mail!.text!, 'Reject');
    expect(approve).toMatch(new RegExp(`^${BASE_URL}/approve/[A-Za-z0-9_-]{43}$`));
    expect(reject).toMatch(new RegExp(`^${BASE_URL}/approve/[A-Za-z0-9_-]{43}$`));
    expect(approve).not.toBe(reject);
    expect(linkIn(mail!.text!, 'Open the task in Baton')).toBe(`${BASE_URL}/tasks/${taskId}`);
    expect(mail!.html).toContain(`href="${approve}"`);
    expect(mail!.html).toContain(`href="${reject}"`);
  });

  it('given the sender runs again, then nothing is queued or sent twice', async () => {
    expect(await world.sender.runOnce()).toMatchObject({ sent: 0 });
    expect(world.smtp.messages).toHaveLength(1);
  });

  it('given HTML in the request title, then the mail shows it as text and the subject stays one line', async () => {
    await world.startRequest({ title: '<img src=x onerror="alert(1)">\r\nBcc: all@example.com' });
    await world.sender.runOnce();
    const mails = await world.smtp.waitFor(2);
    const mail = mails[1]!;
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(mail.subject).toBe('Approve 12,500.00 USD for "<img src=x onerror="alert(1)"> Bcc: all@example.com" from Eli Evans?');
    expect(mail.bcc).toBeUndefined();
  });

  it('given a request is started, then the approver’s mail is in the outbox as soon as the task exists, before any sender runs', async () => {
    const { instanceId, taskId } = await world.startRequest({ title: 'Monitors' });
    const queued = (await world.engine.store.listMails()).filter((mail) => mail.instanceId === instanceId);
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'approval-request', to: email('mia'), data: { taskId }, status: 'pending' }),
    ]);
  });
});
