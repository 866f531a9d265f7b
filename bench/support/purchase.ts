/**
 * The reference purchase approval (start → service task → exclusive gateway →
 * user task → exclusive gateway → end), driven through Baton the way a worker
 * and an approver would: start it, complete its job, complete its task.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Engine, InstanceState, InstanceView, ProcessGraph, StepContext } from '@/engine';
import { compile } from '@/engine';
import { step } from '@/engine/runtime';

export const PROCESS_ID = 'purchase-approval';
export const XML = readFileSync(
  new URL('../fixtures/purchase-approval.bpmn', import.meta.url),
  'utf8',
);

/** Above the review threshold, so every instance takes the long way through the user task. */
const START_VARIABLES = { amount: 1200, manager: 'mia' };

/** Commands (and so transactions) one instance needs: start, complete the job, complete the task. */
export const COMMANDS_PER_INSTANCE = 3;

/** The element instance waiting at `elementId`; its id is also the id of its job or task. */
function waitingAt(state: InstanceState, elementId: string): string {
  for (const id in state.elements) {
    if (state.elements[id]!.elementId === elementId) return id;
  }
  throw new Error(
    `Expected instance ${state.instanceId} to wait at '${elementId}', but it does not`,
  );
}

/**
 * One instance from start to end. Job and task ids come from the state the
 * engine returns, so the figure is the commands themselves, not a lookup.
 */
export async function runInstance(engine: Engine): Promise<InstanceView> {
  const started = await engine.start(PROCESS_ID, { variables: START_VARIABLES, startedBy: 'sam' });
  const prepared = await engine.completeJob(waitingAt(started.state, 'prepare'), {
    prepared: true,
  });
  const done = await engine.completeTask(
    waitingAt(prepared.state, 'review'),
    { approved: true },
    'mia',
  );
  if (done.status !== 'completed')
    throw new Error(`Expected the instance to complete, but it is ${done.status}`);
  return done;
}

/** Checks once, before measuring, that an instance really took the approved path. */
export async function verifyPath(engine: Engine): Promise<void> {
  const done = await runInstance(engine);
  const events = await engine.history(done.id);
  const reached = new Set(events.map((event) => event.elementId));
  for (const elementId of ['prepare', 'review', 'approved']) {
    if (!reached.has(elementId))
      throw new Error(`Expected the instance to pass '${elementId}', but it did not`);
  }
  if (reached.has('rejected'))
    throw new Error('Expected the instance to end approved, but it was rejected');
}

export async function compiledGraph(): Promise<ProcessGraph> {
  const compiled = await compile(XML);
  if (!compiled.ok)
    throw new Error(
      `Expected the bench diagram to compile: ${compiled.problems.map((p) => p.message).join('; ')}`,
    );
  return compiled.graph;
}

/** The same instance through the pure step alone: no store, no copies, no transactions. */
export function stepInstance(
  graph: ProcessGraph,
  context: StepContext = { now: 0, newId: randomUUID },
  roundTrip = false,
): InstanceState {
  const persist = roundTrip
    ? (state: InstanceState) => JSON.parse(JSON.stringify(state)) as InstanceState
    : (state: InstanceState) => state;
  const started = persist(
    step(
      graph,
      null,
      { type: 'StartInstance', instanceId: context.newId(), variables: START_VARIABLES },
      context,
    ).state,
  );
  const prepared = persist(
    step(
      graph,
      started,
      {
        type: 'CompleteJob',
        elementInstanceId: waitingAt(started, 'prepare'),
        variables: { prepared: true },
      },
      context,
    ).state,
  );
  const done = persist(
    step(
      graph,
      prepared,
      {
        type: 'CompleteTask',
        elementInstanceId: waitingAt(prepared, 'review'),
        variables: { approved: true },
        by: 'mia',
      },
      context,
    ).state,
  );
  if (done.status !== 'completed')
    throw new Error(`Expected the stepped instance to complete, but it is ${done.status}`);
  return done;
}
