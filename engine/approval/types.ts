/**
 * The approval task's contract with the runner. The step is pure, so the
 * approval task cannot read the org chart: it asks (the ResolveApprover
 * effect, carrying an ApproverQuery) and the runner answers in the same
 * transaction (the AssignApprover command, carrying an ApproverAnswer). Every
 * type here is a plain JSON shape: the approval's progress lives in the
 * instance state, and decisions become history, rows and output variables.
 */
import type { ApprovalPolicy } from '../authority';

/** How a decision reached the engine; 'auto' is the self-authority fast track. */
export type DecisionChannel = 'inbox' | 'email' | 'api' | 'auto';

export const DECISION_CHANNELS: readonly DecisionChannel[] = ['inbox', 'email', 'api'];

/** A person of the org chart as the approval remembers them. */
export type PersonRef = { id: string; email: string; name: string };

/** An amount in the company currency, with what it was converted from (engine/authority's ApprovalAmount). */
export type ApprovalAmountJson = {
  minor: number;
  currency: string;
  original: { minor: number; currency: string };
  rate: { value: string; date: string } | null;
};

/** One decision of an approval, as stored in the instance, in `approvals` and in approval_decisions. */
export type ApprovalDecision = {
  /** 1 for the first approver; self-approval is step 0. */
  step: number;
  /** The task decided; null for the self-authority fast track. */
  taskId: string | null;
  approver: PersonRef;
  /** The person whose step it was, when a delegate decided for them ("X for Y"). */
  onBehalfOf: PersonRef | null;
  asFallback: boolean;
  decision: 'approve' | 'reject';
  channel: DecisionChannel;
  comment: string | null;
  /** ISO 8601 instant. */
  at: string;
  /** Whose authority the decision used, and that limit in minor units (null = unlimited). */
  authorityId: string | null;
  limit: number | null;
  /** counts: the approval is recorded as given; final: it ended the chain. */
  counts: boolean;
  final: boolean;
  orgVersion: string;
  reason: string;
};

/** The step waiting for a decision now. */
export type CurrentStep = {
  step: number;
  taskId: string;
  /** Null when the task went to a fallback group queue. */
  approver: PersonRef | null;
  group: string | null;
  onBehalfOf: PersonRef | null;
  asFallback: boolean;
  authorityId: string | null;
  limit: number | null;
  /** Emails that may not decide a group task: the requester and everyone who approved. */
  excluded: string[];
  orgVersion: string;
  reason: string;
  /** Timers of this step, by id: a reminder to the assignee, an escalation to their manager. */
  timers: { [timerId: string]: 'reminder' | 'escalation' };
  /**
   * Who has the task now, when that is not `approver`: a member who claimed
   * the group step (null once they gave it back), or the person the step was
   * handed to. Absent: the approver has it.
   */
  assignee?: PersonRef | null;
};

/** What the approval task asks the runner, from its configuration and the decisions so far. */
export type ApproverQuery = {
  elementId: string;
  /** Email (or org-chart id) of the requester; null: the person who started the instance. */
  requester: string | null;
  /** The amount as evaluated, before validation and conversion. */
  amount: { value: string | number; currency: string | null };
  /** Set after the first resolution: the amount is converted once, at submission. */
  converted: ApprovalAmountJson | null;
  policy: ApprovalPolicy;
  selfAuthority: boolean;
  /** "group:<name>" for a group queue, an email or org-chart id for a person; another name is a group. */
  fallback: string | null;
  /**
   * Approvals that count so far, oldest first. authorityId is set when the
   * approval was given with the approver's own limit for someone else's step
   * (a step handed over by hand): it ends the chain only if that limit covers.
   */
  approvals: {
    approverId: string;
    onBehalfOfId: string | null;
    asFallback: boolean;
    authorityId?: string;
  }[];
  /**
   * An approval just given, whose authority the runner checks again before
   * going on. approverId is empty when a member of a fallback group decided:
   * the runner finds them by email.
   */
  check: {
    approverId: string;
    approverEmail: string;
    onBehalfOfId: string | null;
    asFallback: boolean;
  } | null;
  /** The open step ran past its escalation duration: find the manager of this approver instead. */
  escalate?: { approverId: string } | null;
};

/** The re-check of a decision, as the runner made it. */
export type DecisionCheckJson = {
  /** The approver as found in the org chart, when they are in it. */
  approver: PersonRef | null;
  counts: boolean;
  final: boolean;
  authorityId: string;
  limit: number | null;
  reason: string;
  orgVersion: string;
};

/** The runner's answer: who approves next, or why nobody does. */
export type ApproverAnswer =
  | {
      /** The request cannot be resolved as configured (invalid amount, no rate, no directory). */
      outcome: 'refused';
      incidentType: string;
      reason: string;
      check: DecisionCheckJson | null;
    }
  | {
      outcome: 'no-approver';
      amount: ApprovalAmountJson;
      requester: PersonRef | null;
      reason: string;
      orgVersion: string;
      check: DecisionCheckJson | null;
    }
  | {
      outcome: 'self-approved';
      amount: ApprovalAmountJson;
      requester: PersonRef;
      limit: number | null;
      reason: string;
      orgVersion: string;
      check: DecisionCheckJson | null;
    }
  | {
      outcome: 'complete';
      amount: ApprovalAmountJson;
      requester: PersonRef | null;
      reason: string;
      orgVersion: string;
      check: DecisionCheckJson | null;
    }
  | {
      outcome: 'approver';
      amount: ApprovalAmountJson;
      requester: PersonRef | null;
      approver: PersonRef | null;
      group: string | null;
      onBehalfOf: PersonRef | null;
      asFallback: boolean;
      authorityId: string | null;
      limit: number | null;
      excluded: string[];
      /** Steps still to come including this one, when the chain is known (null for a fallback). */
      remaining: number | null;
      reason: string;
      orgVersion: string;
      check: DecisionCheckJson | null;
    }
  | {
      /** An escalation found no manager to take the task: it stays with its assignee. */
      outcome: 'not-escalated';
      reason: string;
      check: null;
    };

/** The approval's progress, kept in the element instance's data under `approval`. */
export type ApprovalState = {
  query: ApproverQuery;
  requester: PersonRef | null;
  decisions: ApprovalDecision[];
  /** Steps started so far. */
  step: number;
  current: CurrentStep | null;
  /**
   * An approval waiting for the runner's re-check of the approver's
   * authority. handedOver: the step was handed to the approver, whose own
   * limit is checked, not the limit of the person whose step it is.
   */
  pending:
    | (Omit<
        ApprovalDecision,
        'counts' | 'final' | 'authorityId' | 'limit' | 'orgVersion' | 'reason'
      > & {
        handedOver?: boolean;
      })
    | null;
  /** The timer that ends the request as expired (baton:Approval expiry), while it runs. */
  expiryTimerId?: string | null;
  /** The open step is being escalated: the runner's answer names the new assignee. */
  escalating?: boolean;
};
