/**
 * The behaviour every store adapter must show, run against the in-memory store
 * and the SQL store alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceState } from '@/engine/runtime/types';
import { ConcurrentModification, type Store, type StoreTransaction } from '@/engine/store/port';

export interface StoreUnderTest {
  store: Store;
  close(): Promise<void>;
}

let ids = 0;
export const uniqueId = (prefix: string) =>
  `${prefix}-${++ids}-${Math.random().toString(36).slice(2, 8)}`;

export function stateOf(instanceId: string, overrides: Partial<InstanceState> = {}): InstanceState {
  return {
    schemaVersion: 1,
    instanceId,
    processId: 'order',
    definitionVersion: 1,
    status: 'active',
    elements: {
      [instanceId]: { id: instanceId, elementId: 'order', scopeId: null, state: 'active' },
    },
    variables: { [instanceId]: { amount: 1200 } },
    joins: {},
    incidents: [],
    ...overrides,
  };
}

const T0 = new Date('2025-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Writes of one command: a history event, a review task, and the instance ended, saved as read at version 0. */
async function endWithReviewTask(tx: StoreTransaction, instanceId: string, taskId: string) {
  await tx.appendHistory(instanceId, [
    { type: 'ElementActivated', at: T0.getTime(), elementId: 'review' },
  ]);
  await tx.applyEffects(
    { instanceId, processId: 'order' },
    [
      {
        type: 'CreateTask',
        task: {
          id: taskId,
          elementId: 'review',
          name: 'Review',
          assignee: 'bob',
          candidateUsers: [],
          candidateGroups: [],
          formKey: null,
          dueDate: null,
          followUpDate: null,
          variables: {},
        },
      },
    ],
    T0,
  );
  await tx.saveInstance(instanceId, {
    state: stateOf(instanceId, { status: 'terminated' }),
    expectedLockVersion: 0,
    endedAt: T0,
  });
}

/** Stores a definition and an active instance of it; returns the instance id. */
export async function seedInstance(store: Store, processId = 'order'): Promise<string> {
  const instanceId = uniqueId('instance');
  await store.transaction(async (tx) => {
    const definition =
      (await tx.findDefinition(processId)) ??
      (await tx.insertDefinition({
        id: uniqueId('definition'),
        processId,
        name: 'Order',
        xml: '<definitions/>',
        deployedBy: null,
        deployedAt: T0,
      }));
    await tx.insertInstance({
      id: instanceId,
      definitionId: definition.id,
      processId,
      definitionVersion: definition.version,
      businessKey: null,
      status: 'active',
      hasIncident: false,
      startedBy: 'ann',
      parentInstanceId: null,
      state: stateOf(instanceId),
      startedAt: T0,
      endedAt: null,
    });
  });
  return instanceId;
}

export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`${name} store`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject.close();
    });

    it('numbers the versions of each process id from 1', async () => {
      const processId = uniqueId('process');
      const deploy = () =>
        store.transaction((tx) =>
          tx.insertDefinition({
            id: uniqueId('def'),
            processId,
            name: null,
            xml: '<x/>',
            deployedBy: 'dora',
            deployedAt: T0,
          }),
        );
      const first = await deploy();
      const second = await deploy();
      expect([first.version, second.version]).toEqual([1, 2]);
      expect((await store.findDefinition(processId))?.id).toBe(second.id);
      expect((await store.findDefinition(processId, 1))?.id).toBe(first.id);
      expect(await store.findDefinition(processId, 3)).toBeNull();
    });

    it('gives concurrent deployments of one process distinct versions', async () => {
      const processId = uniqueId('process');
      const versions = await Promise.all(
        [1, 2, 3, 4].map(() =>
          store.transaction((tx) =>
            tx.insertDefinition({
              id: uniqueId('def'),
              processId,
              name: null,
              xml: '<x/>',
              deployedBy: null,
              deployedAt: T0,
            }),
          ),
        ),
      );
      expect(versions.map((d) => d.version).sort()).toEqual([1, 2, 3, 4]);
    });

    it('stores an instance state as plain JSON and saves it with a version check', async () => {
      const instanceId = await seedInstance(store);
      await store.transaction(async (tx) => {
        const locked = await tx.lockInstance(instanceId);
        expect(locked?.state).toEqual(stateOf(instanceId));
        await tx.saveInstance(instanceId, {
          state: stateOf(instanceId, { status: 'completed', elements: {} }),
          expectedLockVersion: locked!.lockVersion,
          endedAt: at(1000),
        });
      });
      const saved = await store.getInstance(instanceId);
      expect(saved).toMatchObject({ status: 'completed', lockVersion: 1, endedAt: at(1000) });
      await expect(
        store.transaction((tx) =>
          tx.saveInstance(instanceId, {
            state: stateOf(instanceId),
            expectedLockVersion: 0,
            endedAt: null,
          }),
        ),
      ).rejects.toBeInstanceOf(ConcurrentModification);
    });

    it('keeps nothing of a transaction whose version check fails, though its writes were sent with the check', async () => {
      const instanceId = await seedInstance(store);
      const taskId = uniqueId('task');
      await store.transaction(async (tx) => {
        const locked = await tx.lockInstance(instanceId);
        await tx.saveInstance(instanceId, {
          state: stateOf(instanceId),
          expectedLockVersion: locked!.lockVersion,
          endedAt: null,
        });
      });
      await expect(
        store.transaction(async (tx) => {
          await endWithReviewTask(tx, instanceId, taskId);
        }),
      ).rejects.toBeInstanceOf(ConcurrentModification);
      expect(await store.getTask(taskId)).toBeNull();
      expect(await store.history(instanceId)).toEqual([]);
      expect(await store.getInstance(instanceId)).toMatchObject({
        status: 'active',
        lockVersion: 1,
      });
    });

    it('keeps nothing of a transaction that throws', async () => {
      const instanceId = await seedInstance(store);
      const taskId = uniqueId('task');
      await expect(
        store.transaction(async (tx) => {
          await endWithReviewTask(tx, instanceId, taskId);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getTask(taskId)).toBeNull();
      expect(await store.history(instanceId)).toEqual([]);
      expect((await store.getInstance(instanceId))?.status).toBe('active');
    });

    it('appends history in order', async () => {
      const instanceId = await seedInstance(store);
      await store.transaction((tx) =>
        tx.appendHistory(instanceId, [
          { type: 'InstanceStarted', at: T0.getTime(), by: 'ann' },
          {
            type: 'ElementActivated',
            at: T0.getTime(),
            elementId: 'start',
            elementType: 'bpmn:StartEvent',
            elementInstanceId: 'e1',
          },
          { type: 'VariablesUpdated', at: at(5).getTime(), data: { amount: 1200 } },
        ]),
      );
      const events = await store.history(instanceId);
      expect(events.map((e) => e.type)).toEqual([
        'InstanceStarted',
        'ElementActivated',
        'VariablesUpdated',
      ]);
      expect(events[1]).toEqual({
        instanceId,
        type: 'ElementActivated',
        at: T0,
        elementId: 'start',
        elementType: 'bpmn:StartEvent',
        elementInstanceId: 'e1',
      });
      expect(events[2]?.data).toEqual({ amount: 1200 });
    });

    it('writes user tasks and finds the ones a person may work on', async () => {
      const instanceId = await seedInstance(store);
      const owner = { instanceId, processId: 'order' };
      const task = (id: string, assignee: string | null, users: string[], groups: string[]) => ({
        type: 'CreateTask' as const,
        task: {
          id,
          elementId: 'approve',
          name: 'Approve',
          assignee,
          candidateUsers: users,
          candidateGroups: groups,
          formKey: 'approval',
          dueDate: '2025-01-03T00:00:00Z',
          followUpDate: null,
          details: { amount: 1200 },
          variables: { amount: 1200 },
        },
      });
      const [mine, byName, byGroup, other] = [
        uniqueId('t'),
        uniqueId('t'),
        uniqueId('t'),
        uniqueId('t'),
      ];
      await store.transaction((tx) =>
        tx.applyEffects(
          owner,
          [
            task(mine, 'bob', [], []),
            task(byName, null, ['bob'], []),
            task(byGroup, null, [], ['finance']),
            task(other, 'eve', ['bob'], ['finance']),
          ],
          T0,
        ),
      );
      const visible = await store.listTasks({
        instanceId,
        status: 'open',
        visibleTo: { userId: 'bob', groups: ['finance'] },
      });
      expect(visible.map((t) => t.id).sort()).toEqual([mine, byName, byGroup].sort());
      expect((await store.listTasks({ instanceId, assignee: 'bob' })).map((t) => t.id)).toEqual([
        mine,
      ]);
      expect(await store.getTask(mine)).toMatchObject({
        instanceId,
        processId: 'order',
        status: 'open',
        formKey: 'approval',
        details: { amount: 1200 },
        createdAt: T0,
      });

      await store.transaction(async (tx) => {
        await tx.applyEffects(
          owner,
          [
            { type: 'UpdateTask', taskId: byGroup, changes: { assignee: 'carl' } },
            { type: 'CancelTask', taskId: other },
          ],
          at(1),
        );
        await tx.completeTask(mine, { by: 'bob', at: at(2) });
      });
      expect(await store.getTask(byGroup)).toMatchObject({ assignee: 'carl', status: 'open' });
      expect(await store.getTask(other)).toMatchObject({ status: 'cancelled' });
      expect(await store.getTask(mine)).toMatchObject({
        status: 'completed',
        completedBy: 'bob',
        completedAt: at(2),
      });
    });

    it('leases due jobs to one worker at a time and gives them back when the lease runs out', async () => {
      const instanceId = await seedInstance(store);
      const type = uniqueId('type');
      const jobId = uniqueId('job');
      await store.transaction((tx) =>
        tx.applyEffects(
          { instanceId, processId: 'order' },
          [
            {
              type: 'CreateJob',
              job: {
                id: jobId,
                elementId: 'charge',
                type,
                retries: 3,
                headers: { a: 'b' },
                variables: { x: 1 },
              },
            },
          ],
          T0,
        ),
      );
      const first = await store.claimJobs({
        workerId: 'w1',
        now: at(10),
        leaseMs: 1000,
        limit: 10,
        types: [type],
      });
      expect(first).toMatchObject([
        { id: jobId, lockedBy: 'w1', retries: 3, headers: { a: 'b' }, variables: { x: 1 } },
      ]);
      expect(
        await store.claimJobs({
          workerId: 'w2',
          now: at(500),
          leaseMs: 1000,
          limit: 10,
          types: [type],
        }),
      ).toEqual([]);
      const again = await store.claimJobs({
        workerId: 'w2',
        now: at(1010),
        leaseMs: 1000,
        limit: 10,
        types: [type],
      });
      expect(again.map((j) => [j.id, j.lockedBy])).toEqual([[jobId, 'w2']]);

      await store.transaction(async (tx) => {
        await tx.recordJobFailure(jobId, { retries: 2, errorMessage: 'down' });
        await tx.applyEffects(
          { instanceId, processId: 'order' },
          [
            {
              type: 'RetryJob',
              jobId,
              retries: 2,
              dueAt: at(5000).getTime(),
              errorMessage: 'down',
            },
          ],
          at(1020),
        );
      });
      expect(await store.getJob(jobId)).toMatchObject({
        status: 'activatable',
        retries: 2,
        failures: 1,
        lockedBy: null,
        errorMessage: 'down',
      });
      expect(
        await store.claimJobs({
          workerId: 'w1',
          now: at(4999),
          leaseMs: 1000,
          limit: 10,
          types: [type],
        }),
      ).toEqual([]);
      expect(
        await store.claimJobs({
          workerId: 'w1',
          now: at(5000),
          leaseMs: 1000,
          limit: 10,
          types: [type],
        }),
      ).toHaveLength(1);

      await store.transaction((tx) =>
        tx.recordJobFailure(jobId, { retries: 0, errorMessage: 'still down' }),
      );
      expect(await store.getJob(jobId)).toMatchObject({
        status: 'failed',
        retries: 0,
        failures: 2,
      });
      expect(
        await store.claimJobs({
          workerId: 'w1',
          now: at(99_999),
          leaseMs: 1000,
          limit: 10,
          types: [type],
        }),
      ).toEqual([]);
    });

    it('never leases one job to two racing workers', async () => {
      const instanceId = await seedInstance(store);
      const type = uniqueId('type');
      const jobIds = Array.from({ length: 40 }, () => uniqueId('job'));
      await store.transaction((tx) =>
        tx.applyEffects(
          { instanceId, processId: 'order' },
          jobIds.map((id) => ({
            type: 'CreateJob' as const,
            job: { id, elementId: 'charge', type, retries: 3, headers: {}, variables: {} },
          })),
          T0,
        ),
      );
      const claims = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].flatMap((workerId) =>
          [0, 1, 2].map(() =>
            store.claimJobs({ workerId, now: at(10), leaseMs: 60_000, limit: 5, types: [type] }),
          ),
        ),
      );
      const claimed = claims.flat().map((job) => job.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed).toHaveLength(40);
    });

    it('cancels jobs and completes them', async () => {
      const instanceId = await seedInstance(store);
      const [a, b] = [uniqueId('job'), uniqueId('job')];
      const owner = { instanceId, processId: 'order' };
      await store.transaction(async (tx) => {
        await tx.applyEffects(
          owner,
          [a, b].map((id) => ({
            type: 'CreateJob' as const,
            job: { id, elementId: 'charge', type: 'x', retries: 1, headers: {}, variables: {} },
          })),
          T0,
        );
        await tx.applyEffects(owner, [{ type: 'CancelJob', jobId: a }], T0);
        await tx.completeJob(b);
      });
      expect((await store.listJobs({ instanceId })).map((j) => [j.id, j.status]).sort()).toEqual(
        [
          [a, 'cancelled'],
          [b, 'completed'],
        ].sort(),
      );
    });

    it('keeps timers, subscriptions and mails until they are used', async () => {
      const instanceId = await seedInstance(store);
      const owner = { instanceId, processId: 'order' };
      const timerId = uniqueId('timer');
      const subscriptionId = uniqueId('sub');
      await store.transaction((tx) =>
        tx.applyEffects(
          owner,
          [
            {
              type: 'CreateTimer',
              timer: {
                id: timerId,
                elementInstanceId: 'e1',
                elementId: 'wait',
                dueAt: at(100).getTime(),
                repetitions: 3,
                interval: 'PT1H',
              },
            },
            {
              type: 'OpenSubscription',
              subscription: {
                id: subscriptionId,
                elementInstanceId: 'e2',
                elementId: 'paid',
                messageName: 'payment',
                correlationKey: 'o-1',
                interrupting: true,
              },
            },
            {
              type: 'SendMail',
              mail: { kind: 'approval-request', to: 'bob@example.com', data: { taskId: 't1' } },
            },
          ],
          T0,
        ),
      );
      expect(
        await store.claimTimers({ workerId: 'w1', now: at(99), leaseMs: 1000, limit: 100 }),
      ).not.toContainEqual(expect.objectContaining({ id: timerId }));
      const timers = await store.claimTimers({
        workerId: 'w1',
        now: at(100),
        leaseMs: 1000,
        limit: 100,
      });
      expect(timers).toContainEqual(
        expect.objectContaining({ id: timerId, repetitions: 3, interval: 'PT1H', lockedBy: 'w1' }),
      );
      expect(
        await store.claimTimers({ workerId: 'w2', now: at(200), leaseMs: 1000, limit: 100 }),
      ).not.toContainEqual(expect.objectContaining({ id: timerId }));
      expect(
        await store.listSubscriptions({ messageName: 'payment', correlationKey: 'o-1' }),
      ).toContainEqual(
        expect.objectContaining({ id: subscriptionId, instanceId, interrupting: true }),
      );
      await store.transaction(async (tx) => {
        await tx.deleteTimer(timerId);
        await tx.applyEffects(owner, [{ type: 'CloseSubscription', subscriptionId }], T0);
      });
      expect(await store.getTimer(timerId)).toBeNull();
      expect(await store.listSubscriptions({ instanceId })).toEqual([]);

      const mails = await store.claimMails({
        workerId: 'm',
        now: at(1),
        leaseMs: 1000,
        limit: 100,
      });
      const mail = mails.find((m) => m.instanceId === instanceId);
      expect(mail).toMatchObject({
        kind: 'approval-request',
        to: 'bob@example.com',
        attempts: 1,
        data: { taskId: 't1' },
      });
      await store.finishMail(mail!.id, { sentAt: at(2) });
      expect((await store.listMails({ status: 'sent' })).map((m) => m.id)).toContain(mail!.id);
    });

    it('records incidents and their resolution', async () => {
      const instanceId = await seedInstance(store);
      const incidentId = uniqueId('incident');
      await store.transaction((tx) =>
        tx.insertIncidents({ instanceId, processId: 'order' }, [
          {
            id: incidentId,
            elementId: 'charge',
            elementInstanceId: 'e1',
            type: 'JOB_NO_RETRIES',
            message: 'Expected …',
            createdAt: T0.getTime(),
          },
        ]),
      );
      expect(await store.listIncidents({ instanceId, status: 'open' })).toMatchObject([
        { id: incidentId, type: 'JOB_NO_RETRIES' },
      ]);
      await store.transaction((tx) => tx.resolveIncidents([incidentId], { by: 'ops', at: at(1) }));
      expect(await store.getIncident(incidentId)).toMatchObject({
        status: 'resolved',
        resolvedBy: 'ops',
        resolvedAt: at(1),
      });
    });
  });
}
