import { describe, expect, it } from 'vitest';
import { startRequest } from '@/lib/requests/start-request';
import { listMyRequests } from '@/lib/requests/list-my-requests';
import { person, useDemoOrg } from './demo-org';

const sam = person('sam.patel');

describe('starting a request', () => {
  const given = useDemoOrg();

  it('given an amount below the form minimum, then the start is refused naming the amount field and nothing starts', async () => {
    const { deps } = given();
    const attempt = startRequest(deps, {
      processId: 'purchase-request',
      values: { title: 'Pens', amount: 0 },
      startedBy: sam.email,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid', status: 422, field: 'amount' });
    await expect(attempt).rejects.toThrow(/Amount: must be at least 0\.01/);
    expect(await listMyRequests(deps.db, sam.email)).toHaveLength(0);
  });

  it('given a missing required title, then it is refused naming the title field', async () => {
    const { deps } = given();
    const attempt = startRequest(deps, { processId: 'purchase-request', values: { amount: 20 }, startedBy: sam.email });
    await expect(attempt).rejects.toMatchObject({ field: 'title' });
  });

  it('given valid values, then only the form fields become variables, Sam is the starter, and My requests shows whom it waits for', async () => {
    const { deps } = given();
    const instance = await startRequest(deps, {
      processId: 'purchase-request',
      values: { title: 'Laptops', amount: '12500', justification: 'New hires', isAdmin: true },
      startedBy: sam.email,
    });
    expect(instance.startedBy).toBe(sam.email);
    expect(instance.variables).toMatchObject({ title: 'Laptops', amount: 12500 });
    expect(instance.variables).not.toHaveProperty('isAdmin');
    const [mine] = await listMyRequests(deps.db, sam.email);
    expect(mine).toMatchObject({ id: instance.id, status: 'waiting', waitingFor: ['Sofia Marino'], amount: 12500 });
    const [openTask] = await deps.engine.listTasks({ instanceId: instance.id, status: 'open' });
    expect(mine?.taskId).toBe(openTask?.id);
  });

  it('given a petty-cash amount, then the request ends approved at once', async () => {
    const { deps } = given();
    const instance = await startRequest(deps, { processId: 'purchase-request', values: { title: 'Pens', amount: 20 }, startedBy: sam.email });
    const mine = await listMyRequests(deps.db, sam.email);
    expect(mine.find((request) => request.id === instance.id)?.status).toBe('completed');
    expect(mine.find((request) => request.id === instance.id)?.taskId).toBeNull();
  });
});
