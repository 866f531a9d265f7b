import { describe } from '../expressions';
import type { ElementInstance, Variables } from '../runtime/types';
import { leaveThroughAll, type Behavior, type BehaviorContext } from './behavior';

/** Starts a child instance of another process and waits until it ends. */
export const callActivity: Behavior = {
  onActivate(context, instance, node) {
    const called = node.zeebe.calledElement;
    if (!called) {
      context.raiseIncident(
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected call activity '${node.id}' to name a process, but it has no zeebe:calledElement`,
      );
      return;
    }
    const processId = context.evaluate(instance, called.processId, 'the called process id');
    if (!processId.ok) {
      context.raiseIncident(instance, 'CALLED_ELEMENT_ERROR', processId.message);
      return;
    }
    if (typeof processId.value !== 'string' || processId.value === '') {
      context.raiseIncident(
        instance,
        'CALLED_ELEMENT_ERROR',
        `Expected the called process id of '${node.id}' to be a non-empty string, but it was ${describe(processId.value)}`,
      );
      return;
    }
    // Without propagation the child sees only what the input mappings give it.
    const variables: Variables = called.propagateAllParentVariables
      ? context.visibleVariables(instance)
      : context.localVariables(instance);
    const childInstanceId = context.newId();
    context.wait(instance, { wait: 'child', childInstanceId, processId: processId.value });
    context.emit({
      type: 'StartChildInstance',
      childInstanceId,
      processId: processId.value,
      variables,
      parentElementInstanceId: instance.id,
    });
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance) {
    const childInstanceId = instance.data?.['childInstanceId'];
    if (typeof childInstanceId === 'string')
      context.emit({ type: 'CancelChildInstance', childInstanceId });
  },
};

export function completeCallActivity(
  context: BehaviorContext,
  instance: ElementInstance,
  variables: Variables,
): void {
  const node = context.graph.elements.get(instance.elementId);
  const propagate = node?.zeebe.calledElement?.propagateAllChildVariables ?? true;
  // With output mappings only what they map leaves the call activity.
  if (propagate || (node?.zeebe.outputs.length ?? 0) > 0) context.applyResult(instance, variables);
  context.complete(instance);
}

/** The process the call activity names is not deployed: it waits for no child, with an incident whose retry calls again. */
export function calledProcessMissing(
  context: BehaviorContext,
  instance: ElementInstance,
  processId: string,
): void {
  const {
    wait: _wait,
    childInstanceId: _childInstanceId,
    processId: _processId,
    ...data
  } = instance.data ?? {};
  instance.data = data;
  context.raiseIncident(
    instance,
    'CALLED_ELEMENT_ERROR',
    `Expected process '${processId}' to be deployed for call activity '${instance.elementId}', but it is not`,
  );
}
