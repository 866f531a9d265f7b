import { describe, expect, it } from 'vitest';
import { compile } from '@/engine/model';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '@/engine/expressions';
import { MemoryEngine } from '../support/memory-engine';
import { fixture, openTask, textLike, trail } from '../support/given';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('ISO 8601 timers', () => {
  it('reads durations, dates and cycles exactly', () => {
    const start = Date.UTC(2025, 0, 31, 9, 0, 0);
    expect(addDuration(start, parseDuration('PT1H30M') ?? fail())).toBe(start + 90 * 60_000);
    expect(addDuration(start, parseDuration('P3D') ?? fail())).toBe(start + 3 * DAY);
    expect(addDuration(start, parseDuration('P1W') ?? fail())).toBe(start + 7 * DAY);
    expect(addDuration(start, parseDuration('PT0.5S') ?? fail())).toBe(start + 500);
    expect(new Date(addDuration(start, parseDuration('P1M') ?? fail())).toISOString()).toBe(
      '2025-02-28T09:00:00.000Z',
    );
    expect(new Date(addDuration(start, parseDuration('P1Y1M') ?? fail())).toISOString()).toBe(
      '2026-02-28T09:00:00.000Z',
    );
    expect(['', 'P', 'PT', '3 days', '-PT1H', 'P1H'].map(parseDuration)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(parseDateTime('2025-03-01T09:00:00+02:00')).toBe(Date.UTC(2025, 2, 1, 7));
    expect(parseDateTime('2025-03-01T09:00:00')).toBeNull();
    expect(parseDateTime('2025-03-01T09:00:00[UTC]')).toBe(Date.UTC(2025, 2, 1, 9));
    expect(parseCycle('R3/PT1H')).toMatchObject({
      repetitions: 3,
      start: null,
      intervalText: 'PT1H',
    });
    expect(parseCycle('R/P1D')).toMatchObject({ repetitions: null });
    expect(parseCycle('R2/2025-01-06T10:00:00Z/P1D')).toMatchObject({
      repetitions: 2,
      start: Date.UTC(2025, 0, 6, 10),
    });
    expect(['PT1H', 'R0/PT1H', 'R3/PT0S', 'R3/x', '0 0 9 * * ?'].map(parseCycle)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('rejects timers whose literal text is not ISO 8601, and timers with no time at all', async () => {
    const result = await compile(fixture('timer-invalid'));
    expect(result).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        {
          elementId: 'wait',
          message: textLike(
            "Expected the timer duration to be an ISO 8601 duration (e.g. PT15M, P3D), but it is '3 days'",
          ),
        },
        {
          elementId: 'wait2',
          message: textLike(
            'exactly one of time date, time duration or time cycle, but it has none',
          ),
        },
      ]) as unknown,
    });
  });
});

describe('intermediate timer catch event', () => {
  it('given a duration and then a FEEL date, the token waits for each and moves on when it falls due', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('timer-intermediate-catch'));
    const launchAt = new Date(engine.now + DAY).toISOString();
    const instance = await engine.start('waiting', { variables: { launchAt } });
    expect([...engine.timers.values()]).toEqual([
      expect.objectContaining({ elementId: 'coolDown', dueAt: engine.now + 2 * HOUR }),
    ]);

    await engine.elapse(2 * HOUR - 1);
    expect((await engine.getInstance(instance.id))?.activeElementIds).toEqual(['coolDown']);
    await engine.elapse(1);
    expect((await engine.getInstance(instance.id))?.activeElementIds).toEqual(['untilLaunch']);
    await engine.elapse(DAY);

    expect((await engine.getInstance(instance.id))?.status).toBe('completed');
    expect(await trail(engine, instance.id, ['TimerCreated', 'TimerFired'])).toEqual([
      'TimerCreated coolDown',
      'TimerFired coolDown',
      'TimerCreated untilLaunch',
      'TimerFired untilLaunch',
    ]);
  });

  it('given a FEEL timer that is not a date, then an incident says what was expected', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('timer-intermediate-catch'));
    const instance = await engine.start('waiting', { variables: { launchAt: 'tomorrow' } });
    await engine.elapse(2 * HOUR);
    expect((await engine.getInstance(instance.id))?.incidents).toEqual([
      expect.objectContaining({
        elementId: 'untilLaunch',
        message: textLike(
          /^Expected the timer date '=launchAt' of 'untilLaunch' to be an ISO 8601 date-time/,
        ),
      }),
    ]);
  });
});

describe('timer boundary event', () => {
  it('given an approval nobody decides within its timeout, then the task is withdrawn and escalated to the director', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('timer-boundary-escalates-user-task'));
    const instance = await engine.start('approvalTimeout', {
      variables: { manager: 'maria', director: 'dora', approvalTimeout: 'P3D' },
    });
    const task = await openTask(engine, instance.id, 'approve');

    await engine.elapse(3 * DAY);

    expect((await engine.getTask(task.id))?.status).toBe('cancelled');
    expect((await openTask(engine, instance.id, 'escalated')).assignee).toBe('dora');
    expect(
      await trail(engine, instance.id, ['TimerFired', 'ElementTerminated', 'ElementActivated']),
    ).toEqual([
      'ElementActivated approvalTimeout',
      'ElementActivated start',
      'ElementActivated approve',
      'TimerFired approve',
      'ElementTerminated approve',
      'ElementActivated approvalOverdue',
      'ElementActivated escalated',
    ]);
    await expect(engine.completeTask(task.id)).rejects.toThrow(/Expected an active user task/);
  });

  it('given the approval is decided in time, then the timer is cancelled and never fires', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('timer-boundary-escalates-user-task'));
    const instance = await engine.start('approvalTimeout', {
      variables: { manager: 'maria', director: 'dora', approvalTimeout: 'P3D' },
    });
    await engine.elapse(DAY);
    await engine.completeTask((await openTask(engine, instance.id, 'approve')).id);
    expect(engine.timers.size).toBe(0);
    await engine.elapse(7 * DAY);
    expect((await engine.getInstance(instance.id))?.status).toBe('completed');
    expect(await trail(engine, instance.id, ['TimerFired'])).toEqual([]);
  });

  it('given a non-interrupting cycle, it reminds every hour while the task is open and stops when the task completes', async () => {
    const engine = new MemoryEngine({ roundTrip: true });
    await engine.deploy(fixture('timer-cycle-reminds-while-task-open'));
    const instance = await engine.start('reminders', { variables: { reminderCycle: 'R/PT1H' } });

    await engine.elapse(3.5 * HOUR);
    expect(await trail(engine, instance.id, ['TimerFired'])).toEqual([
      'TimerFired approve',
      'TimerFired approve',
      'TimerFired approve',
    ]);
    expect(await engine.listJobs({ instanceId: instance.id, type: 'reminder' })).toHaveLength(3);
    expect((await openTask(engine, instance.id, 'approve')).status).toBe('open');

    await engine.completeTask((await openTask(engine, instance.id, 'approve')).id);
    await engine.elapse(10 * HOUR);
    expect(await trail(engine, instance.id, ['TimerFired'])).toHaveLength(3);
    expect(engine.timers.size).toBe(0);
  });

  it('given R3, the cycle fires three times and no more, though the task stays open', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('timer-cycle-reminds-while-task-open'));
    const instance = await engine.start('reminders', { variables: { reminderCycle: 'R3/PT1H' } });
    await engine.elapse(10 * HOUR);
    const fired = (await engine.history(instance.id))
      .filter((event) => event.type === 'TimerFired')
      .map((event) => event.at.getTime() - (engine.now - 10 * HOUR));
    expect(fired).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
    for (const job of await engine.listJobs({ instanceId: instance.id, type: 'reminder' }))
      await engine.completeJob(job.id);
    expect((await engine.getInstance(instance.id))?.activeElementIds).toEqual(['approve']);
    expect(engine.timers.size).toBe(0);
  });

  it('a timer fired twice is rejected the second time and changes nothing', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('timer-boundary-escalates-user-task'));
    const instance = await engine.start('approvalTimeout', {
      variables: { approvalTimeout: 'PT1H' },
    });
    const [timer] = [...engine.timers.values()];
    const elementInstanceId = timer?.elementInstanceId ?? '';
    await engine.triggerTimer(timer?.id ?? '');
    await expect(
      engine.dispatch(instance.id, {
        type: 'TriggerTimer',
        elementInstanceId,
        timerId: timer?.id ?? '',
      }),
    ).rejects.toThrow(/Expected a pending timer/);
  });
});

describe('timer start event', () => {
  it('given a deployed cycle, instances start on schedule; a redeploy replaces the schedule', async () => {
    const engine = new MemoryEngine();
    await engine.deploy(fixture('timer-start-event'));
    expect([...engine.timers.values()]).toEqual([
      expect.objectContaining({
        instanceId: null,
        elementId: 'everyMorning',
        dueAt: Date.UTC(2025, 0, 6, 10),
        repetitions: 1,
        interval: 'P1D',
      }),
    ]);

    await engine.elapse(DAY);
    expect(
      (await engine.listTasks({ processId: 'dailyReport' })).map((task) =>
        task.createdAt.toISOString(),
      ),
    ).toEqual(['2025-01-06T10:00:00.000Z']);
    await engine.elapse(DAY);
    expect(await engine.listTasks({ processId: 'dailyReport' })).toHaveLength(2);
    expect(engine.timers.size).toBe(0);

    await engine.deploy(fixture('timer-start-event'));
    await engine.deploy(fixture('timer-start-event'));
    expect(engine.timers.size).toBe(1);
  });
});

function fail(): never {
  throw new Error('expected a value');
}
