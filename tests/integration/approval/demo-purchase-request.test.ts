import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithOrgChart, email } from './support/org';

const demo = readFileSync(
  path.resolve(import.meta.dirname, '../../../db/demo/purchase-request.bpmn'),
  'utf8',
);

describeWithOrgChart('the demo purchase request', (given) => {
  it('given 12,500.00 from Eli, then his managers approve in turn from the approval form and it ends at Approved', async () => {
    const { engine } = given();
    await engine.deploy(demo);
    const started = await engine.start('purchase-request', {
      variables: { amount: 12500, title: 'Laptops' },
      startedBy: email('eli'),
    });

    const [mias] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    expect(mias).toMatchObject({
      elementId: 'ManagerApproval',
      assignee: email('mia'),
      formKey: 'purchase-approval',
    });
    await engine.completeTask(mias!.id, { approved: true, comment: '' }, email('mia'), {
      channel: 'inbox',
    });
    const [danas] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    const done = await engine.completeTask(danas!.id, { approved: true }, email('dana'), {
      channel: 'inbox',
    });

    expect(done).toMatchObject({ status: 'completed', variables: { approved: true } });
    const ends = (await engine.history(started.id)).filter(
      (event) => event.type === 'ElementCompleted' && event.elementType === 'bpmn:EndEvent',
    );
    expect(ends.map((event) => event.elementId)).toEqual(['Approved']);
  });

  it('given Mia rejects from the form with a comment, then it ends at Rejected', async () => {
    const { engine } = given();
    await engine.deploy(demo);
    const started = await engine.start('purchase-request', {
      variables: { amount: 600 },
      startedBy: email('eli'),
    });
    const [mias] = await engine.listTasks({ instanceId: started.id, status: 'open' });
    const done = await engine.completeTask(
      mias!.id,
      { approved: false, comment: 'Use the old ones' },
      email('mia'),
    );
    expect(done.variables['approved']).toBe(false);
    const ends = (await engine.history(started.id)).filter(
      (event) => event.type === 'ElementCompleted' && event.elementType === 'bpmn:EndEvent',
    );
    expect(ends.map((event) => event.elementId)).toEqual(['Rejected']);
  });
});
