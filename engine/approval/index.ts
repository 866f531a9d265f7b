/**
 * The approval task's runtime side: the runner's resolution of approvers
 * through the Directory port, and the "who would approve?" preview. The rules
 * themselves live in engine/authority; the behavior in
 * engine/behaviors/approval-task.ts.
 */
export { resolveApprover, type ApprovalPorts, type ExchangeRateLookup } from './resolve-approver';
export { elementInstanceOfTask, taskIsOpen } from './task-owner';
export {
  whoWouldApprove,
  type WhoWouldApprove,
  type WhoWouldApproveInput,
} from './who-would-approve';
export type {
  ApprovalDecision,
  ApprovalState,
  ApproverAnswer,
  ApproverQuery,
  DecisionChannel,
  PersonRef,
} from './types';
