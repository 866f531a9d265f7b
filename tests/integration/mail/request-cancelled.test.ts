import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailWorld, email, BASE_URL, type MailWorld } from './support/mail-world';

describe('the mail when a request is cancelled', () => {
  let world: MailWorld;
  beforeAll(async () => {
    world = await openMailWorld();
  });
  afterAll(() => world.close());

  it('given an operator cancels a waiting request, then the requester is told who cancelled it and why, in the same transaction as the cancel', async () => {
    const { instanceId } = await world.startRequest({ title: 'Standing desks <b>now</b>' });
    await world.sender.runOnce();
    const before = world.smtp.messages.length;

    await world.engine.cancelInstance(instanceId, { reason: 'Ordered twice; see the other request.', by: email('mia') });
    const queued = (await world.engine.store.listMails()).filter(
      (mail) => mail.instanceId === instanceId && mail.kind === 'request-cancelled',
    );
    expect(queued).toEqual([expect.objectContaining({ to: email('eli'), status: 'pending' })]);

    expect(await world.sender.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    const mails = await world.smtp.waitFor(before + 1);
    const mail = mails[before]!;
    expect(mail.to).toMatchObject({ value: [{ address: email('eli') }] });
    expect(mail.subject).toBe('Your request "Standing desks <b>now</b>" was cancelled');
    expect(mail.text).toContain('Ordered twice; see the other request.');
    expect(mail.text).toContain(`See my requests: ${BASE_URL}/requests`);
    expect(mail.html).toContain('Standing desks &lt;b&gt;now&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>now</b>');
  });

  it('given the requester withdraws their own request, then nobody is mailed about it', async () => {
    const { instanceId } = await world.startRequest({ title: 'Chairs' });
    await world.engine.cancelInstance(instanceId, { reason: 'Not needed', by: email('eli') });
    const queued = (await world.engine.store.listMails()).filter(
      (mail) => mail.instanceId === instanceId && mail.kind === 'request-cancelled',
    );
    expect(queued).toEqual([]);
  });
});
