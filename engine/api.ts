import type {
  AssignmentAction,
  Command,
  HistoryEvent,
  Incident,
  InstanceState,
  Json,
  Variables,
} from './runtime/types';
import type { ApprovalDecision } from './approval/types';

/** A problem found in a diagram: the element it concerns (when there is one) and why. */
export interface Problem {
  elementId: string | null;
  message: string;
  /** Line and column for malformed XML. */
  line?: number;
  column?: number;
}

export interface DeployedDefinition {
  /** Row id of this version. */
  id: string;
  /** The BPMN process id (the key all versions share). */
  processId: string;
  version: number;
  name: string | null;
  deployedBy: string | null;
  deployedAt: Date;
}

export interface TaskView {
  id: string;
  instanceId: string;
  processId: string;
  elementId: string;
  name: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  formKey: string | null;
  dueDate: string | null;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
  details: { [key: string]: Json };
  variables: Variables;
}

export interface JobView {
  id: string;
  instanceId: string;
  processId: string;
  elementId: string;
  type: string;
  retries: number;
  status: 'activatable' | 'failed' | 'completed' | 'cancelled';
  dueAt: Date;
  lockedBy: string | null;
  lockExpiresAt: Date | null;
  errorMessage: string | null;
  /** Failures so far (the worker's backoff grows with it). */
  failures: number;
  headers: Record<string, string>;
  variables: Variables;
}

export interface IncidentView extends Omit<Incident, 'createdAt'> {
  instanceId: string;
  processId: string;
  createdAt: Date;
}

export interface InstanceView {
  id: string;
  processId: string;
  definitionVersion: number;
  status: InstanceState['status'];
  businessKey: string | null;
  startedBy: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** Element ids of the element instances that are live now (excluding the process scope). */
  activeElementIds: string[];
  /** Variables of the process scope. */
  variables: Variables;
  incidents: IncidentView[];
  state: InstanceState;
}

/** One decision on an approval task, as stored in approval_decisions. */
export interface ApprovalDecisionView extends Omit<ApprovalDecision, 'at'> {
  id: string;
  instanceId: string;
  elementInstanceId: string;
  elementId: string;
  decidedAt: Date;
}

/** A change of hands of an open task (see Engine.assignTask). */
export interface TaskAssignment {
  /** The new assignee (an email); null gives a group task back to its candidates. */
  assignee: string | null;
  /** Who moves the task (an email). */
  by: string;
  action: AssignmentAction;
  /**
   * Who the caller believes holds the task now (null: nobody). When someone
   * else does, the command is refused: of two people claiming at once, one wins.
   */
  expectedAssignee?: string | null;
}

export interface TaskFilter {
  instanceId?: string;
  processId?: string;
  assignee?: string;
  status?: TaskView['status'];
  /**
   * Tasks a person may work on: assigned to them, or unassigned and offered to
   * them by name or to one of their groups.
   */
  visibleTo?: { userId: string; groups?: string[] };
  /** Results come oldest first. */
  limit?: number;
  offset?: number;
}

export interface JobFilter {
  instanceId?: string;
  type?: string;
  status?: JobView['status'];
  limit?: number;
}

/** deploy() refused the diagram; `problems` lists every problem found, not just the first. */
export class DeploymentRejected extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `Expected a valid BPMN diagram, but found ${problems.length} problem${problems.length === 1 ? '' : 's'}: ` +
        problems.map((p) => (p.elementId ? `${p.elementId}: ${p.message}` : p.message)).join('; '),
    );
    this.name = 'DeploymentRejected';
  }
}

export interface StoredHistoryEvent extends Omit<HistoryEvent, 'at'> {
  instanceId: string;
  at: Date;
}

export interface PublishedMessage {
  messageId: string;
  /** Instances the message reached now (woken subscriptions and started instances). */
  correlatedInstanceIds: string[];
}

export interface BroadcastSignalResult {
  signalName: string;
  /** Instances that received the signal or were started by it. */
  reachedInstanceIds: string[];
}

/** The public engine API. Every mutating call is one transaction. */
export interface Engine {
  deploy(xml: string, options?: { deployedBy?: string }): Promise<DeployedDefinition>;
  start(
    processId: string,
    options?: { variables?: Variables; startedBy?: string; businessKey?: string; version?: number },
  ): Promise<InstanceView>;
  /**
   * Completes a task. On an approval task the variables carry the decision:
   * `{ decision: 'approve' | 'reject', comment }` (or `{ approved: boolean, comment }`);
   * `channel` says how it arrived (default 'api').
   */
  completeTask(
    taskId: string,
    variables?: Variables,
    by?: string,
    options?: { channel?: 'inbox' | 'email' | 'api' },
  ): Promise<InstanceView>;
  /**
   * Claims, gives back or hands over an open task, recorded in the history
   * (TaskAssigned). A claim needs an unassigned task. An approval task goes
   * only to an active person of the org chart who is neither the requester
   * nor an earlier approver, and they decide on behalf of the person whose
   * step it is, with their own limit. Refused (CommandRejected) when the task
   * is not open, or not held by `expectedAssignee`.
   */
  assignTask(taskId: string, assignment: TaskAssignment): Promise<InstanceView>;
  completeJob(jobId: string, variables?: Variables): Promise<InstanceView>;
  failJob(
    jobId: string,
    failure: { retries: number; errorMessage: string; retryBackoffMs?: number },
  ): Promise<InstanceView>;
  throwError(
    jobId: string,
    error: { errorCode: string; errorMessage?: string; variables?: Variables },
  ): Promise<InstanceView>;
  /** Resumes where the incident stopped; for a job out of retries, `retries` (default: the definition's). */
  retryIncident(
    incidentId: string,
    options?: { by?: string; retries?: number },
  ): Promise<InstanceView>;
  cancelInstance(
    instanceId: string,
    options?: { reason?: string; by?: string },
  ): Promise<InstanceView>;
  setVariables(instanceId: string, variables: Variables, by?: string): Promise<InstanceView>;
  getInstance(instanceId: string): Promise<InstanceView | null>;
  history(instanceId: string): Promise<StoredHistoryEvent[]>;
  getTask(taskId: string): Promise<TaskView | null>;
  listTasks(filter?: TaskFilter): Promise<TaskView[]>;
  /** Decisions on approval tasks (of one instance, or of one task), oldest first. */
  listApprovalDecisions(filter: { instanceId?: string; taskId?: string }): Promise<ApprovalDecisionView[]>;
  listJobs(filter?: JobFilter): Promise<JobView[]>;
  /**
   * Fires a due timer (workers call this for the timers they claimed). A timer
   * start event's schedule starts a new instance and arms its next firing.
   */
  triggerTimer(timerId: string): Promise<InstanceView>;
  /**
   * Publishes a message (Camunda 8 semantics): it is correlated to every
   * instance with an open subscription of this name and correlation key (once
   * per instance), and starts an instance of each process whose newest version
   * has a message start event of this name. With a time to live it is also
   * kept that long, and a subscription that opens later still gets it.
   */
  publishMessage(
    name: string,
    correlationKey: string,
    variables?: Variables,
    options?: { timeToLiveMs?: number },
  ): Promise<PublishedMessage>;
  /**
   * Correlates a message to one waiting subscription of this name and key, or
   * starts an instance at a message start event; refused (NOT_FOUND) when
   * nothing waits for it. Nothing is buffered.
   */
  correlateMessage(name: string, correlationKey: string, variables?: Variables): Promise<InstanceView>;
  /** Broadcasts a signal: every instance waiting for it gets it, and processes with a signal start event of this name start. */
  broadcastSignal(name: string, variables?: Variables): Promise<BroadcastSignalResult>;
  /** Open incidents, newest first; or those of one instance. */
  listIncidents(filter?: {
    instanceId?: string;
    status?: 'open' | 'resolved';
  }): Promise<IncidentView[]>;
  /** Run one command directly (advanced; the methods above are the usual way). */
  dispatch(instanceId: string, command: Command): Promise<InstanceView>;
}
