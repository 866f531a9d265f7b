import { describe } from '../expressions';
import type { ElementNode, MultiInstance } from '../model/graph';
import type { ElementInstance, Json } from '../runtime/types';
import { leaveThroughAll, type BehaviorContext } from './behavior';

/**
 * The body of a multi-instance activity: one inner instance of the activity
 * per item of the input collection, all at once (parallel) or one after the
 * other (sequential). Inner instances see the item as `inputElement` and
 * `loopCounter` (1-based); the body keeps the output collection and the
 * counters Camunda offers to the completion condition (numberOfInstances,
 * numberOfActiveInstances, numberOfCompletedInstances,
 * numberOfTerminatedInstances). When the condition holds, the remaining inner
 * instances are terminated and the body completes.
 */
export const multiInstanceBody = {
  onActivate(context: BehaviorContext, body: ElementInstance, node: ElementNode): void {
    const loop = node.multiInstance as MultiInstance;
    const collection = context.evaluate(
      body,
      loop.inputCollection,
      'the multi-instance input collection',
    );
    if (!collection.ok) {
      context.raiseIncident(body, 'EXTRACT_VALUE_ERROR', collection.message);
      return;
    }
    if (!Array.isArray(collection.value)) {
      context.raiseIncident(
        body,
        'EXTRACT_VALUE_ERROR',
        `Expected the input collection '${loop.inputCollection.source}' of '${node.id}' to be a list, but it was ${describe(collection.value)}`,
      );
      return;
    }
    const items = collection.value;
    context.createScope(body);
    context.wait(body, { wait: 'multiInstance', items, started: 0 });
    if (loop.outputCollection)
      context.setLocalVariable(
        body,
        loop.outputCollection,
        items.map(() => null),
      );
    setCounters(context, body, items.length, 0, 0, 0);
    if (items.length === 0) {
      context.complete(body);
      return;
    }
    const first = loop.sequential ? 1 : items.length;
    for (let index = 0; index < first; index += 1) startInner(context, body, loop, index);
  },

  /**
   * Runs while the inner instance's variables are still there: collects its
   * output element and evaluates the completion condition. 'condition' when
   * the condition says the body is done.
   */
  onInnerCompleted(
    context: BehaviorContext,
    body: ElementInstance,
    inner: ElementInstance,
    node: ElementNode,
  ): 'failed' | 'continue' | 'condition' {
    const loop = node.multiInstance as MultiInstance;
    const counter = context.localVariable(inner, 'loopCounter');
    if (loop.outputCollection && loop.outputElement && typeof counter === 'number') {
      const element = context.evaluate(
        inner,
        loop.outputElement,
        'the multi-instance output element',
      );
      if (!element.ok) {
        context.raiseIncident(inner, 'EXTRACT_VALUE_ERROR', element.message);
        return 'failed';
      }
      const current = context.localVariable(body, loop.outputCollection);
      const output = Array.isArray(current) ? [...current] : [];
      output[counter - 1] = element.value;
      context.setLocalVariable(body, loop.outputCollection, output);
    }
    const counters = countersOf(context, body);
    setCounters(
      context,
      body,
      counters.total,
      counters.active - 1,
      counters.completed + 1,
      counters.terminated,
    );
    if (!loop.completionCondition) return 'continue';
    const holds = context.evaluate(inner, loop.completionCondition, 'the completion condition');
    if (!holds.ok || typeof holds.value !== 'boolean') {
      setCounters(
        context,
        body,
        counters.total,
        counters.active,
        counters.completed,
        counters.terminated,
      );
      context.raiseIncident(
        inner,
        'EXTRACT_VALUE_ERROR',
        holds.ok
          ? `Expected the completion condition '${loop.completionCondition.source}' of '${node.id}' to be a boolean, but it was ${describe(holds.value)}`
          : holds.message,
      );
      return 'failed';
    }
    return holds.value ? 'condition' : 'continue';
  },

  /** After an inner instance has gone: the next one (sequential), or the body completes when nothing is left. */
  afterInner(
    context: BehaviorContext,
    body: ElementInstance,
    node: ElementNode,
    conditionMet: boolean,
  ): void {
    const loop = node.multiInstance as MultiInstance;
    if (conditionMet) {
      const counters = countersOf(context, body);
      const live = context.childCount(body);
      context.terminateChildren(body);
      setCounters(context, body, counters.total, 0, counters.completed, counters.terminated + live);
      context.complete(body);
      return;
    }
    const items = body.data?.['items'];
    const started = body.data?.['started'];
    const total = Array.isArray(items) ? items.length : 0;
    if (loop.sequential && typeof started === 'number' && started < total) {
      startInner(context, body, loop, started);
      return;
    }
    if (context.childCount(body) === 0) context.complete(body);
  },

  /** The output collection goes to the body's enclosing scope; then the token leaves the activity. */
  onComplete(context: BehaviorContext, body: ElementInstance, node: ElementNode): void {
    const loop = node.multiInstance as MultiInstance;
    if (loop.outputCollection) {
      context.propagateFrom(body, {
        [loop.outputCollection]: context.localVariable(body, loop.outputCollection) ?? [],
      });
    }
    const { items: _items, started: _started, ...rest } = body.data ?? {};
    body.data = rest;
    leaveThroughAll(context, body, node);
  },
};

function startInner(
  context: BehaviorContext,
  body: ElementInstance,
  loop: MultiInstance,
  index: number,
): void {
  const items = body.data?.['items'];
  const item: Json = Array.isArray(items) ? (items[index] ?? null) : null;
  body.data = { ...body.data, started: index + 1 };
  const counters = countersOf(context, body);
  setCounters(
    context,
    body,
    counters.total,
    counters.active + 1,
    counters.completed,
    counters.terminated,
  );
  const variables: { [key: string]: Json } = { loopCounter: index + 1 };
  if (loop.inputElement) variables[loop.inputElement] = item;
  context.activateInner(body, variables);
}

interface Counters {
  total: number;
  active: number;
  completed: number;
  terminated: number;
}

function countersOf(context: BehaviorContext, body: ElementInstance): Counters {
  const read = (name: string): number => {
    const value = context.localVariable(body, name);
    return typeof value === 'number' ? value : 0;
  };
  return {
    total: read('numberOfInstances'),
    active: read('numberOfActiveInstances'),
    completed: read('numberOfCompletedInstances'),
    terminated: read('numberOfTerminatedInstances'),
  };
}

function setCounters(
  context: BehaviorContext,
  body: ElementInstance,
  total: number,
  active: number,
  completed: number,
  terminated: number,
): void {
  context.setLocalVariable(body, 'numberOfInstances', total);
  context.setLocalVariable(body, 'numberOfActiveInstances', active);
  context.setLocalVariable(body, 'numberOfCompletedInstances', completed);
  context.setLocalVariable(body, 'numberOfTerminatedInstances', terminated);
}
