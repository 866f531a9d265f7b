/**
 * The contract between the pure runtime and everything around it (stores,
 * workers, the CLI, the app). Persisted state is a plain, versioned JSON
 * document in domain terms; commands are imperative, events past tense.
 */

import type { ApprovalDecision, ApproverAnswer, ApproverQuery, PersonRef } from '../approval/types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Variables = Record<string, Json>;

/** Time and ids come into the step from outside; the step never reads a clock or a random source. */
export interface StepContext {
  /** Current time in milliseconds since the epoch. */
  now: number;
  /** A new unique id (element instances, incidents, child instances). */
  newId(): string;
  /** Upper bound on element transitions in one command; past it the command ends in an incident. */
  maxSteps?: number;
}

export type ElementInstanceState =
  'activating' | 'active' | 'completing' | 'completed' | 'terminating' | 'terminated';

/** One live element instance: the process itself, a sub-process, or an activity/event/gateway waiting. */
export interface ElementInstance {
  /** Unique id of this element instance (also the id of its task or job, if any). */
  id: string;
  /** The BPMN element id from the diagram. */
  elementId: string;
  /** Id of the element instance of the enclosing scope; null for the process scope itself. */
  scopeId: string | null;
  state: ElementInstanceState;
  /** Behavior-specific data (multi-instance counters, approval step, etc.). Plain JSON. */
  data?: { [key: string]: Json };
}

export interface Incident {
  id: string;
  elementId: string;
  elementInstanceId: string;
  /** e.g. 'CONDITION_ERROR', 'EXTRACT_VALUE_ERROR', 'JOB_NO_RETRIES', 'UNHANDLED_ERROR_EVENT', 'STEP_LIMIT_EXCEEDED', 'CALLED_ELEMENT_ERROR'. */
  type: string;
  /** "Expected …, but …" message naming the expression or cause. */
  message: string;
  createdAt: number;
}

export interface CompensationRecord {
  activityId: string;
  elementInstanceId: string;
  handlerId: string;
  variables: Variables;
}

export type InstanceStatus = 'active' | 'completed' | 'terminated';

export interface InstanceState {
  schemaVersion: 1;
  instanceId: string;
  processId: string;
  definitionVersion: number;
  status: InstanceStatus;
  /** Live element instances, keyed by id. Completed/terminated ones are removed (history keeps them). */
  elements: Record<string, ElementInstance>;
  /** Variables per scope: key is the element instance id of the scope (process scope id = instanceId). */
  variables: Record<string, Variables>;
  /** Parallel/inclusive join bookkeeping: `${scopeInstanceId}/${gatewayId}` → flow id → arrived tokens. */
  joins: Record<string, Record<string, number>>;
  /** Open incidents; an instance with incidents stays 'active' until they are resolved. */
  incidents: Incident[];
  /**
   * Completed activities that have a compensation handler, per scope instance,
   * in order of completion, with the variables they saw then. A completed
   * sub-process hands its list to its own scope.
   */
  compensations?: Record<string, CompensationRecord[]>;
  /** Set when this instance was started by a call activity. */
  parent?: { instanceId: string; elementInstanceId: string };
  startedBy?: string;
  businessKey?: string;
}

// ---------------------------------------------------------------------------
// Commands: what a caller asks for. Each command is one transaction.

export type Command =
  | {
      type: 'StartInstance';
      instanceId: string;
      variables?: Variables;
      startedBy?: string;
      businessKey?: string;
      /** Id of the start event to use; default: the process's none start event. */
      startEventId?: string;
      parent?: { instanceId: string; elementInstanceId: string };
      /** Version of the deployed definition the instance runs on; default 1. */
      definitionVersion?: number;
    }
  | {
      type: 'CompleteTask';
      elementInstanceId: string;
      variables?: Variables;
      by?: string;
      /** The task row, when it is not the element instance itself (an approval creates one task per step). */
      taskId?: string;
      /** How the decision of an approval task arrived; default 'api'. */
      channel?: 'inbox' | 'email' | 'api';
    }
  | {
      /** The runner's answer to a ResolveApprover effect, fed back in the same transaction. */
      type: 'AssignApprover';
      elementInstanceId: string;
      answer: ApproverAnswer;
    }
  | {
      /** A person takes, gives back or hands over an open task. */
      type: 'AssignTask';
      elementInstanceId: string;
      taskId: string;
      /** The new assignee (an email); null gives a group task back to its candidates. */
      assignee: string | null;
      by: string;
      action: AssignmentAction;
      /** When given, the task must still be assigned to this person (null: to nobody), or the command is refused. */
      expectedAssignee?: string | null;
      /** The task row as the runner read it under the instance lock. */
      task: { assignee: string | null; details: { [key: string]: Json } };
      /**
       * For an approval task: the new assignee as the org chart knows them, or
       * null when it does not; absent when the engine has no org chart.
       */
      person?: (PersonRef & { active: boolean }) | null;
    }
  | { type: 'CompleteJob'; elementInstanceId: string; variables?: Variables }
  | {
      type: 'FailJob';
      elementInstanceId: string;
      /** Retries left after this failure; 0 raises an incident. */
      retries: number;
      errorMessage: string;
      /** Delay before the job may run again. */
      retryBackoffMs?: number;
    }
  | {
      /** A BPMN error thrown by a job (Camunda's "throw error" from a worker). */
      type: 'ThrowError';
      elementInstanceId: string;
      errorCode: string;
      errorMessage?: string;
      variables?: Variables;
    }
  | { type: 'TriggerTimer'; elementInstanceId: string; timerId: string }
  | {
      /** The runner found the subscription by message name and correlation key; this delivers the message to it. */
      type: 'CorrelateMessage';
      elementInstanceId: string;
      messageName: string;
      /** The subscription's id, when the element instance has several for the same message name. */
      subscriptionId?: string;
      variables?: Variables;
    }
  | {
      /** A child instance of a call activity ended; delivered to the parent. */
      type: 'CompleteCallActivity';
      elementInstanceId: string;
      variables?: Variables;
    }
  | {
      /** The called process was not deployed when the call activity started its child: an incident on the call activity. */
      type: 'RaiseCalledElementError';
      elementInstanceId: string;
      /** The child the call activity waits for, which could not be started. */
      childInstanceId: string;
      processId: string;
    }
  | {
      /** A child instance did not catch an error; delivered to the call activity waiting for it, which throws it on. */
      type: 'ThrowErrorAtCallActivity';
      elementInstanceId: string;
      error: ThrownError;
    }
  | {
      /** No calling instance caught the error either: it becomes an incident on the element that threw it. */
      type: 'RaiseUncaughtError';
      elementInstanceId: string;
      errorCode: string | null;
      errorMessage: string;
    }
  | { type: 'SetVariables'; scopeId: string; variables: Variables; by?: string }
  | {
      type: 'RetryIncident';
      incidentId: string;
      by?: string;
      /** For a job out of retries: how many to give it (default: its definition's retries). */
      retries?: number;
    }
  | { type: 'CancelInstance'; reason?: string; by?: string };

export type CommandType = Command['type'];

/** A BPMN error nothing in its own instance caught, on its way up to the call activities that wait. */
export interface ThrownError {
  errorCode: string | null;
  /** What threw it, e.g. "error end event 'fail'"; the incident names it if nothing catches it. */
  errorMessage: string;
  /** What the error carries to the catch event that catches it. */
  variables: Variables;
  /** The element instance that threw it, in the innermost instance: where the incident goes if nothing catches it. */
  thrownAt: { instanceId: string; elementInstanceId: string };
}

/**
 * Why a task changes hands: a candidate claims it, the claimer gives it back
 * to the group, or it is handed to another person (reassigned, or delegated
 * for the time being).
 */
export type AssignmentAction = 'claim' | 'unclaim' | 'reassign' | 'delegate';

// ---------------------------------------------------------------------------
// Effects: what must happen outside the pure step. The runner writes them in the
// same transaction as the new state (rows in tasks, jobs, timers, ...).

export interface TaskSpec {
  /** = element instance id */
  id: string;
  elementId: string;
  name: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  formKey: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  /** Extra data the inbox shows (approval amount, requester, …). */
  details?: { [key: string]: Json };
  /** The task's input variables (after input mappings). */
  variables: Variables;
}

export interface JobSpec {
  /** = element instance id */
  id: string;
  elementId: string;
  type: string;
  retries: number;
  headers: Record<string, string>;
  /** Variables visible to the job (after input mappings). */
  variables: Variables;
}

export type Effect =
  | { type: 'CreateTask'; task: TaskSpec }
  | { type: 'UpdateTask'; taskId: string; changes: Partial<Omit<TaskSpec, 'id' | 'elementId'>> }
  | { type: 'CancelTask'; taskId: string }
  | { type: 'CreateJob'; job: JobSpec }
  | { type: 'RetryJob'; jobId: string; retries: number; dueAt: number; errorMessage: string }
  | { type: 'CancelJob'; jobId: string }
  | {
      type: 'CreateTimer';
      timer: {
        id: string;
        elementInstanceId: string;
        elementId: string;
        dueAt: number;
        repetitions?: number;
        interval?: string;
      };
    }
  | { type: 'CancelTimer'; timerId: string }
  | {
      type: 'OpenSubscription';
      subscription: {
        id: string;
        elementInstanceId: string;
        elementId: string;
        /** The message name, or the signal name for a signal subscription. */
        messageName: string;
        /** Empty for signals: they reach every subscriber of the name. */
        correlationKey: string;
        interrupting: boolean;
        /** Default 'message'. */
        kind?: 'message' | 'signal';
      };
    }
  | {
      /** A signal thrown: the runner delivers it to every open signal subscription of the name (any instance) and signal start event. */
      type: 'BroadcastSignal';
      signalName: string;
      variables: Variables;
    }
  | { type: 'CloseSubscription'; subscriptionId: string }
  | {
      type: 'StartChildInstance';
      childInstanceId: string;
      processId: string;
      variables: Variables;
      parentElementInstanceId: string;
    }
  | { type: 'CancelChildInstance'; childInstanceId: string }
  | {
      /** This instance was started by a call activity and has ended. */
      type: 'NotifyParent';
      parentInstanceId: string;
      parentElementInstanceId: string;
      outcome: 'completed' | 'terminated';
      variables: Variables;
    }
  | {
      /** This instance was started by a call activity and did not catch an error: the call activity throws it on. */
      type: 'NotifyParent';
      parentInstanceId: string;
      parentElementInstanceId: string;
      outcome: 'error';
      error: ThrownError;
    }
  | {
      /** An approval task asks who approves next; the runner answers with AssignApprover. */
      type: 'ResolveApprover';
      elementInstanceId: string;
      query: ApproverQuery;
    }
  | {
      /** A decision on an approval, stored as a row of approval_decisions. */
      type: 'RecordApprovalDecision';
      elementInstanceId: string;
      elementId: string;
      decision: ApprovalDecision;
    }
  | {
      /** A mail to put in the outbox (approval requests, reminders, outcomes). */
      type: 'SendMail';
      mail: { kind: string; to: string; data: { [key: string]: Json } };
    };

export type EffectType = Effect['type'];

// ---------------------------------------------------------------------------
// History: append-only record of what happened, in the order it happened.

export type HistoryEventType =
  | 'InstanceStarted'
  | 'InstanceCompleted'
  | 'InstanceTerminated'
  | 'ElementActivated'
  | 'ElementCompleted'
  | 'ElementTerminated'
  | 'FlowTaken'
  | 'VariablesUpdated'
  | 'TaskCreated'
  | 'TaskCompleted'
  | 'TaskAssigned'
  | 'JobCreated'
  | 'JobCompleted'
  | 'JobFailed'
  | 'ErrorThrown'
  | 'EscalationThrown'
  | 'TimerCreated'
  | 'TimerFired'
  | 'MessageCorrelated'
  | 'SignalReceived'
  | 'SignalBroadcast'
  | 'IncidentRaised'
  | 'IncidentResolved'
  | 'InstanceCancelled'
  | 'ApprovalDecided';

export interface HistoryEvent {
  type: HistoryEventType;
  at: number;
  elementId?: string;
  elementInstanceId?: string;
  /** Element type from the diagram, e.g. 'bpmn:UserTask'. */
  elementType?: string;
  /** Who caused it, when a person did. */
  by?: string;
  data?: { [key: string]: Json };
}

/** Result of one pure step: the next state and what must happen outside, as data. */
export interface StepResult {
  state: InstanceState;
  effects: Effect[];
  history: HistoryEvent[];
}

/** Why a command was refused (no state change): becomes a 404/409/422 at the API. */
export class CommandRejected extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_ARGUMENT',
    message: string,
  ) {
    super(message);
    this.name = 'CommandRejected';
  }
}
