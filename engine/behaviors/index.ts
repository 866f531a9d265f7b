/**
 * The one table from element kind to behavior. Typed as a total record so a new
 * element kind does not compile until it has a behavior here.
 */
import type { ElementKind } from '../model/graph';
import { withApprovals } from './approval-task';
import type { Behavior } from './behavior';
import { boundaryEvent } from './boundary-event';
import { callActivity } from './call-activity';
import { catchEvent } from './catch-event';
import { endEvent } from './end-event';
import { eventBasedGateway } from './event-based-gateway';
import { exclusiveGateway } from './exclusive-gateway';
import { inclusiveGateway } from './inclusive-gateway';
import { jobTask } from './job-task';
import { parallelGateway } from './parallel-gateway';
import { passThrough } from './pass-through';
import { process } from './process';
import { scriptTask } from './script-task';
import { startEvent } from './start-event';
import { subProcess } from './sub-process';
import { throwEvent } from './throw-event';
import { userTask } from './user-task';

export const behaviors: { readonly [K in ElementKind]: Behavior } = {
  process,
  subProcess,
  callActivity,
  startEvent,
  endEvent,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  userTask: withApprovals(userTask),
  serviceTask: jobTask,
  sendTask: jobTask,
  scriptTask,
  manualTask: passThrough,
  task: passThrough,
  receiveTask: catchEvent,
  boundaryEvent,
  intermediateCatchEvent: catchEvent,
  intermediateThrowEvent: throwEvent,
  eventBasedGateway,
};

export {
  approvalTimerFired,
  assignApprovalStep,
  assignApprover,
  decideApproval,
  isApprovalTask,
  isApprovalTimer,
} from './approval-task';
export type { Behavior, BehaviorContext } from './behavior';
export { calledProcessMissing, completeCallActivity } from './call-activity';
export { multiInstanceBody } from './multi-instance';
export { assignUserTask, completeUserTask } from './user-task';
