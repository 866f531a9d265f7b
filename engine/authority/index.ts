export type { Directory, Person } from '../directory';
export type { Refusable } from './refusable';
export { currencyDecimals, normalizeCurrency, SUPPORTED_CURRENCIES } from './currencies';
export { covers, formatMoney, parseAmount, parseLimit, type Money } from './money';
export {
  approvalAmount,
  describeAmount,
  toCompanyCurrency,
  type ApprovalAmount,
  type ExchangeRate,
} from './conversion';
export { delegationInEffect } from './delegation';
export {
  checkDecision,
  checkDecisionAsync,
  nextApprover,
  nextApproverAsync,
  previewApproval,
  previewApprovalAsync,
  resolveApproval,
  resolveApprovalAsync,
} from './resolve';
export { createOrgSnapshot, snapshotDirectory, type OrgChartSnapshot } from './snapshot';
export type {
  ApprovalComplete,
  ApprovalPolicy,
  ApprovalPreview,
  ApprovalRecord,
  ApprovalRequest,
  ApprovalResolution,
  ApprovalStep,
  ChainGap,
  ChainResolution,
  DecisionCheck,
  FallbackApprover,
  FallbackAssignment,
  FallbackGap,
  FallbackResolution,
  NextApproval,
  NextStep,
  NoApprover,
  OrgSnapshot,
  SelfApproved,
  SkippedPerson,
  TrailEntry,
  TrailRole,
} from './types';
