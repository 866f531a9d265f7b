import type { Problem } from '../../api';
import type { Draft } from '../build';
import type { Rule } from './rule';
import { boundaryEvents } from './rules/boundary-events';
import { compensation } from './rules/compensation';
import { danglingFlow } from './rules/dangling-flow';
import { endlessLoop } from './rules/endless-loop';
import { eventBasedGateway } from './rules/event-based-gateway';
import { eventSubProcesses } from './rules/event-sub-processes';
import { gatewayConditions } from './rules/gateway-conditions';
import { messageCorrelation } from './rules/message-correlation';
import { startEvent } from './rules/start-event';
import { taskDefinition } from './rules/task-definition';
import { unsupportedElement } from './rules/unsupported-element';

/** Every rule runs on every draft, so a diagram's problems are reported all at once. */
export const rules: readonly Rule[] = [
  unsupportedElement,
  danglingFlow,
  startEvent,
  gatewayConditions,
  taskDefinition,
  endlessLoop,
  boundaryEvents,
  eventSubProcesses,
  eventBasedGateway,
  messageCorrelation,
  compensation,
];

export function validate(draft: Draft): Problem[] {
  return [...draft.problems, ...rules.flatMap((rule) => rule(draft))];
}
