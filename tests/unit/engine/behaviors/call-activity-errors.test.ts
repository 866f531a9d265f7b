import { describe, expect, it } from 'vitest';
import { CommandRejected } from '@/engine/runtime';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask, textLike, trail } from '../support/given';

async function claimAssessed(outcome: string) {
  const engine = new MemoryEngine({ roundTrip: true });
  await engine.deploy(fixture('call-activity-errors'));
  const parent = await engine.start('claim');
  const task = await openTask(
    engine,
    (await engine.listTasks({ status: 'open' }))[0]?.instanceId ?? '',
    'assess',
  );
  const child = await engine.completeTask(task.id, { outcome });
  return { engine, parent, child };
}

describe('errors thrown in a called process', () => {
  it('given an error no boundary on the call activity names, when an error event sub-process of the calling process catches it, then the scope of the call activity ends and the child is terminated', async () => {
    const { engine, parent, child } = await claimAssessed('fraud');

    expect(child.status).toBe('terminated');
    const after = await engine.getInstance(parent.id);
    expect(after?.activeElementIds.sort()).toEqual(['fraudSuspected', 'investigate']);
    expect(after?.incidents).toEqual([]);
    expect(
      await trail(engine, parent.id, ['ErrorThrown', 'ElementTerminated', 'ElementActivated']),
    ).toEqual(
      expect.arrayContaining([
        'ErrorThrown callAssessment',
        'ElementTerminated callAssessment',
        'ElementTerminated handling',
        'ElementActivated investigate',
      ]),
    );
    expect(await trail(engine, parent.id)).not.toContain('ElementActivated otherError');
    expect(await trail(engine, child.id, ['ErrorThrown', 'InstanceTerminated'])).toEqual([
      'ErrorThrown fraudFound',
      'InstanceTerminated assessment',
    ]);
  });

  it('given an error nothing catches, then the error end event in the child has the incident, the call activity keeps waiting, and a retry throws the error again', async () => {
    const { engine, parent, child } = await claimAssessed('missing');

    expect(child.status).toBe('active');
    expect(child.incidents).toEqual([
      expect.objectContaining({
        elementId: 'documentsMissing',
        type: 'UNHANDLED_ERROR_EVENT',
        message: textLike(
          "error code 'MISSING_DOCUMENTS' thrown by error end event 'documentsMissing'",
        ),
      }),
    ]);
    const waiting = await engine.getInstance(parent.id);
    expect(waiting).toMatchObject({
      status: 'active',
      activeElementIds: ['handling', 'callAssessment'],
      incidents: [],
    });
    expect(await trail(engine, parent.id, ['ErrorThrown'])).toEqual(['ErrorThrown callAssessment']);

    const retried = await engine.retryIncident(child.incidents[0]?.id ?? '');
    expect(retried.incidents).toEqual([
      expect.objectContaining({ elementId: 'documentsMissing', type: 'UNHANDLED_ERROR_EVENT' }),
    ]);
    expect(retried.incidents[0]?.id).not.toBe(child.incidents[0]?.id);
    expect(await trail(engine, parent.id, ['ErrorThrown'])).toEqual([
      'ErrorThrown callAssessment',
      'ErrorThrown callAssessment',
    ]);
  });

  it('given a child that completes normally, then the call activity completes as before', async () => {
    const { engine, parent, child } = await claimAssessed('fine');
    expect(child.status).toBe('completed');
    expect((await engine.getInstance(parent.id))?.status).toBe('completed');
  });

  it('refuses to deliver an error to an element that is not a call activity waiting for a child', async () => {
    const { engine, parent, child } = await claimAssessed('missing');
    const thrownAt = { instanceId: child.id, elementInstanceId: 'nope' };
    await expect(
      engine.dispatch(parent.id, {
        type: 'ThrowErrorAtCallActivity',
        elementInstanceId: 'nope',
        error: { errorCode: 'X', errorMessage: 'x', variables: {}, thrownAt },
      }),
    ).rejects.toThrow(CommandRejected);
    await expect(
      engine.dispatch(child.id, {
        type: 'RaiseUncaughtError',
        elementInstanceId: 'nope',
        errorCode: 'X',
        errorMessage: 'x',
      }),
    ).rejects.toThrow(/to wait for the fate of its error, but there is none/);
  });
});

describe('a call activity whose process is not deployed', () => {
  it('waits with an incident instead of failing the command, and a retry after the deployment starts the child', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(
      fixture('call-activity').replace('processId="childProcess"', 'processId="laterChild"'),
    );

    const parent = await engine.start('parentProcess');

    expect(parent).toMatchObject({ status: 'active', activeElementIds: ['callChild'] });
    expect(parent.incidents).toEqual([
      expect.objectContaining({
        elementId: 'callChild',
        type: 'CALLED_ELEMENT_ERROR',
        message:
          "Expected process 'laterChild' to be deployed for call activity 'callChild', but it is not",
      }),
    ]);
    expect(
      parent.state.elements[parent.incidents[0]?.elementInstanceId ?? '']?.data,
    ).not.toHaveProperty('childInstanceId');

    await engine.deploy(
      fixture('call-activity').replace(
        '<bpmn:process id="childProcess"',
        '<bpmn:process id="laterChild"',
      ),
    );
    const retried = await engine.retryIncident(parent.incidents[0]?.id ?? '');

    expect(retried.incidents).toEqual([]);
    const [task] = await engine.listTasks({ status: 'open' });
    expect(task?.elementId).toBe('childTask');
    await engine.completeTask(task?.id ?? '');
    expect((await engine.getInstance(parent.id))?.status).toBe('completed');
  });
});
