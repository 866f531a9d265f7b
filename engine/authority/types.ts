import type { Person } from '../directory';
import type { ApprovalAmount } from './conversion';

/** A synchronous, consistent view of the org chart (a snapshot, an in-memory store, a fixture). */
export interface OrgSnapshot {
  readonly version: string;
  getPerson(id: string): Person | null;
}

/**
 * chain: every manager from the requester's manager up to and including the
 * first whose limit covers the amount approves, in turn.
 * first-qualified: only that first manager approves.
 */
export type ApprovalPolicy = 'chain' | 'first-qualified';

export type FallbackApprover = { kind: 'person'; id: string } | { kind: 'group'; id: string };

/** An approval already given in this request. */
export interface ApprovalRecord {
  approverId: string;
  /** Set when the approver acted as a delegate. */
  onBehalfOfId?: string | null;
  /** Set when the approval was given as the fallback approver. */
  asFallback?: boolean;
  /**
   * Whose limit the approval was given with, when not that of the person
   * whose step it was: a step handed to someone by hand is decided with their
   * own limit, and it ends the chain only if that limit covers the amount.
   */
  authorityId?: string | null;
}

export interface ApprovalRequest {
  requesterId: string;
  amount: ApprovalAmount;
  policy: ApprovalPolicy;
  /** May the requester's own limit approve the request without a task? */
  selfAuthority: boolean;
  fallbackApprover: FallbackApprover | null;
  /** The moment of resolution (a Date or milliseconds since the epoch); decides which delegations are in effect. */
  at: Date | number;
  /** Approvals given so far in this request, oldest first. */
  alreadyApproved?: readonly ApprovalRecord[];
}

export interface ApprovalStep {
  /** Who gets the task. */
  approverId: string;
  /** The person whose step this is, when a delegate stands in for them ("X for Y"). */
  onBehalfOfId: string | null;
  /** Whose authority the step uses: onBehalfOfId ?? approverId. */
  authorityId: string;
  /** That person's limit in minor units of the company currency; null = unlimited. */
  limit: number | null;
  /** Whether that limit covers the amount, i.e. whether this step ends the chain. */
  covers: boolean;
  /** approved: given already (see ApprovalRequest.alreadyApproved); pending: still to come. */
  status: 'approved' | 'pending';
  reason: string;
}

export interface SkippedPerson {
  personId: string;
  cause: 'inactive' | 'approved-as-delegate';
  reason: string;
}

/** Why a request could not be resolved through the manager chain. */
export type ChainGap =
  'requester-unknown' | 'no-manager' | 'manager-unknown' | 'cycle' | 'chain-exhausted';

/** Why the fallback approver could not take the task either. */
export type FallbackGap =
  | 'none-configured'
  | 'person-unknown'
  | 'person-inactive'
  | 'person-is-requester'
  | 'person-already-approved';

export type FallbackAssignment =
  | { kind: 'person'; id: string; onBehalfOfId: string | null }
  /** A group queue; excludeIds may not claim the task (the requester, and anyone who already approved). */
  | { kind: 'group'; id: string; excludeIds: string[] };

interface Resolved {
  /** The org-chart version the resolution read; store it with the decision. */
  orgVersion: string;
  /** Human-readable reasons, in the order the rules were applied. */
  reasons: string[];
}

export interface SelfApproved extends Resolved {
  outcome: 'self-approved';
  limit: number | null;
}

export interface ChainResolution extends Resolved {
  outcome: 'chain';
  steps: ApprovalStep[];
  skipped: SkippedPerson[];
}

export interface FallbackResolution extends Resolved {
  outcome: 'fallback';
  approver: FallbackAssignment;
  cause: ChainGap;
  reason: string;
  skipped: SkippedPerson[];
}

export interface NoApprover extends Resolved {
  outcome: 'no-approver';
  cause: ChainGap;
  fallbackGap: FallbackGap;
  /** Names the gap; the engine raises it as an incident. */
  reason: string;
  skipped: SkippedPerson[];
}

export type ApprovalResolution = SelfApproved | ChainResolution | FallbackResolution | NoApprover;

export interface NextStep extends Resolved {
  outcome: 'next';
  step: ApprovalStep;
  skipped: SkippedPerson[];
}

export interface ApprovalComplete extends Resolved {
  outcome: 'complete';
}

/** The next step only: a task to create now, or the end of the approval. */
export type NextApproval =
  SelfApproved | NextStep | ApprovalComplete | FallbackResolution | NoApprover;

/**
 * The re-check when someone decides. counts: the approval is recorded as
 * given (false when the approver is unknown or inactive). final: the approval
 * ends the chain because the authority used covers the amount now; an
 * approval that counts but is not final moves on to the next approver.
 */
export interface DecisionCheck {
  counts: boolean;
  final: boolean;
  authorityId: string;
  limit: number | null;
  reason: string;
  orgVersion: string;
}

export type TrailRole =
  | 'requester'
  | 'approver'
  | 'approved'
  | 'delegate'
  | 'passed-over'
  | 'skipped'
  | 'end'
  | 'fallback';

/** One line of the "who would approve?" preview. */
export interface TrailEntry {
  personId: string | null;
  name: string | null;
  role: TrailRole;
  limit: number | null;
  reason: string;
}

export interface ApprovalPreview {
  resolution: ApprovalResolution;
  trail: TrailEntry[];
}
