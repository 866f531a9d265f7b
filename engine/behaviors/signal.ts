import { describe, type Expression } from '../expressions';
import type { ElementInstance } from '../runtime/types';
import type { BehaviorContext } from './behavior';

/**
 * Asks the runner to broadcast a signal: every open signal subscription of the
 * name, in any instance (this one included), and every signal start event.
 * The signal carries the thrower's local variables (its input mappings).
 * False when the name could not be evaluated (an incident was raised).
 */
export function broadcastSignal(
  context: BehaviorContext,
  instance: ElementInstance,
  name: Expression,
): boolean {
  const evaluated = context.evaluate(instance, name, 'the signal name');
  if (!evaluated.ok || typeof evaluated.value !== 'string' || evaluated.value === '') {
    context.raiseIncident(
      instance,
      'EXTRACT_VALUE_ERROR',
      evaluated.ok
        ? `Expected the signal name of '${instance.elementId}' to be a non-empty string, but it was ${describe(evaluated.value)}`
        : evaluated.message,
    );
    return false;
  }
  context.emit({
    type: 'BroadcastSignal',
    signalName: evaluated.value,
    variables: context.localVariables(instance),
  });
  context.record('SignalBroadcast', instance, { signalName: evaluated.value });
  return true;
}
