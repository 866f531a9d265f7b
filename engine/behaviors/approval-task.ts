/**
 * The approval task: a user task carrying baton:Approval. Who approves comes
 * from the org chart, which the pure step cannot read, so the task asks the
 * runner (ResolveApprover) whenever it needs the next approver — when it
 * starts, and after every approval — and continues when the answer comes back
 * (AssignApprover) in the same transaction: one task per approver, in turn,
 * until an approval is final, someone rejects, or nobody is left to ask.
 */
import type {
  ApprovalDecision,
  ApprovalState,
  ApproverAnswer,
  ApproverQuery,
  CurrentStep,
  DecisionChannel,
  PersonRef,
} from '../approval/types';
import { formatMoney } from '../authority';
import { addDuration, describe, parseDuration } from '../expressions';
import type { ElementNode } from '../model/graph';
import { CommandRejected, type Command, type ElementInstance, type Json } from '../runtime/types';
import { leaveThroughAll, type Behavior, type BehaviorContext } from './behavior';
import {
  assignmentRecord,
  checkAssignment,
  detailsAfter,
  samePerson,
  type AssignTask,
} from './task-assignment';

type CompleteTask = Extract<Command, { type: 'CompleteTask' }>;
type AssignApprover = Extract<Command, { type: 'AssignApprover' }>;
type TimerKind = 'reminder' | 'escalation' | 'expiry';

export const approvalTask: Behavior = {
  onActivate(context, instance, node) {
    // A retried incident resumes the approval it interrupted, decisions and converted amount included.
    const existing = stateOf(instance);
    if (existing) {
      ask(context, instance, existing);
      return;
    }
    const query = queryOf(context, instance, node);
    if (!query) return;
    for (const kind of ['reminder', 'escalation', 'expiry'] as const) {
      if (durationOf(context, instance, node, kind) === undefined) return;
    }
    // The expiry runs from submission, across every step; a timeout never approves.
    const expiryTimerId = startTimer(context, instance, node, 'expiry');
    ask(context, instance, {
      query,
      requester: null,
      decisions: [],
      step: 0,
      current: null,
      pending: null,
      expiryTimerId,
    });
  },
  onComplete: leaveThroughAll,
  onTerminate(context, instance) {
    const state = stateOf(instance);
    if (state?.current) context.emit({ type: 'CancelTask', taskId: state.current.taskId });
    if (state) stopTimers(context, state, true);
  },
};

/** User tasks with baton:Approval are approval tasks; every other user task keeps its plain behavior. */
export function withApprovals(plain: Behavior): Behavior {
  const pick = (node: ElementNode) => (node.approval ? approvalTask : plain);
  return {
    onActivate: (context, instance, node) => pick(node).onActivate(context, instance, node),
    onComplete: (context, instance, node) => pick(node).onComplete(context, instance, node),
    onTerminate: (context, instance, node) => pick(node).onTerminate(context, instance, node),
  };
}

export function isApprovalTask(context: BehaviorContext, instance: ElementInstance): boolean {
  return context.graph.elements.get(instance.elementId)?.approval != null;
}

/**
 * A person decides the current step. Only the assignee (or, for a fallback
 * group, anyone in it but the requester and earlier approvers) may; a
 * rejection needs a comment. A rejection ends the approval; an approval waits
 * for the runner to check the approver's authority again.
 */
export function decideApproval(
  context: BehaviorContext,
  instance: ElementInstance,
  command: CompleteTask,
): void {
  const state = stateOf(instance);
  const current = state?.current;
  const taskId = command.taskId ?? command.elementInstanceId;
  if (!state || !current || current.taskId !== taskId) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected task ${taskId} to be the open step of approval '${instance.elementId}', but it is not`,
    );
  }
  const variables = command.variables ?? {};
  const decision = decisionOf(variables);
  const comment =
    typeof variables['comment'] === 'string' && variables['comment'].trim() !== ''
      ? variables['comment'].trim()
      : null;
  if (decision === 'reject' && comment === null) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected a comment explaining the rejection of task ${taskId}, but there is none`,
    );
  }
  const by = command.by?.trim() ?? '';
  const holder = holderOf(current);
  if (!mayDecide(current, by)) {
    const expected = holder
      ? holder.email
      : `a member of group '${current.group ?? ''}' other than ${current.excluded.join(', ')}`;
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected task ${taskId} to be decided by ${expected}, but ${by === '' ? 'nobody was named' : by} tried`,
    );
  }
  const channel: DecisionChannel = command.channel ?? 'api';
  stopTimers(context, state, false);
  context.record('TaskCompleted', instance, { taskId, decision, channel, comment }, by);
  // A member of a fallback group is found in the org chart by the runner, from their email.
  const approver = holder ?? { id: '', email: by, name: by };
  // Someone the step was handed to decides for the person whose step it is.
  const handed = handedOver(current);
  const owner = current.onBehalfOf ?? current.approver;
  const given = {
    step: current.step,
    taskId,
    approver,
    onBehalfOf: handed
      ? owner && !samePerson(owner.email, approver.email)
        ? owner
        : null
      : current.onBehalfOf,
    asFallback: current.asFallback,
    decision,
    channel,
    comment,
    at: new Date(context.now).toISOString(),
  } as const;
  if (decision === 'reject') {
    const rejected: ApprovalDecision = {
      ...given,
      authorityId: current.authorityId,
      limit: current.limit,
      counts: true,
      final: true,
      orgVersion: current.orgVersion,
      reason: `${approver.name} rejected the request: ${comment ?? ''}`,
    };
    decide(context, instance, rejected);
    finish(
      context,
      instance,
      { ...state, current: null, decisions: [...state.decisions, rejected] },
      false,
    );
    return;
  }
  ask(context, instance, {
    ...state,
    current: null,
    pending: handed ? { ...given, handedOver: true } : given,
  });
}

/**
 * The open step changes hands. A member claims a group step and may give it
 * back; any step may be handed to another active person of the org chart,
 * who then decides it on behalf of the person whose step it is, with their
 * own limit. Never to the requester, nor to anyone who already approved.
 */
export function assignApprovalStep(
  context: BehaviorContext,
  instance: ElementInstance,
  command: AssignTask,
): void {
  const state = stateOf(instance);
  const current = state?.current;
  const { taskId } = command;
  if (!state || !current || current.taskId !== taskId) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected task ${taskId} to be the open step of approval '${instance.elementId}', but it is not`,
    );
  }
  const to = checkAssignment(command);
  if (to === null && current.group === null) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected task ${taskId} to be offered to a group to be given back, but it is ${current.approver?.email ?? 'nobody'}'s step of approval '${instance.elementId}'`,
    );
  }
  const assignee = to === null ? null : takerOf(state, current, command, to);
  const { assignee: _previous, ...step } = current;
  const next: CurrentStep =
    assignee && current.approver && samePerson(assignee.email, current.approver.email)
      ? step
      : { ...step, assignee };
  context.wait(instance, { approval: toJson({ ...state, current: next }) });

  const handed = handedOver(next);
  const owner = current.onBehalfOf ?? current.approver;
  const forWhom = handed && owner && !samePerson(owner.email, to) ? owner : null;
  // The org-chart delegation no longer explains who has the task once it is handed over by hand.
  const shown = handed
    ? { onBehalfOf: null, onBehalfOfName: forWhom?.name ?? null }
    : {
        onBehalfOf: current.onBehalfOf?.email ?? null,
        onBehalfOfName: current.onBehalfOf?.name ?? null,
      };
  context.emit({
    type: 'UpdateTask',
    taskId,
    changes: { assignee: to, details: detailsAfter(command, to, shown) },
  });
  if (to !== null && command.action !== 'claim') {
    context.emit({ type: 'SendMail', mail: { kind: 'approval-request', to, data: { taskId } } });
  }
  context.record(
    'TaskAssigned',
    instance,
    { ...assignmentRecord(command, to), step: current.step, onBehalfOf: forWhom?.email ?? null },
    command.by,
  );
}

/** The person who takes the step, refused when they may not: the requester, an earlier approver, someone not (or no longer) in the org chart. */
function takerOf(
  state: ApprovalState,
  current: CurrentStep,
  command: AssignTask,
  to: string,
): PersonRef {
  const { taskId } = command;
  const requester = state.requester?.email ?? state.query.requester;
  if (samePerson(requester, to)) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected someone other than the requester to take approval task ${taskId}, but ${to} requested it`,
    );
  }
  const approved = state.decisions
    .filter((decision) => decision.counts && decision.decision === 'approve')
    .flatMap((decision) => [decision.approver.email, decision.onBehalfOf?.email ?? null]);
  if ([...approved, ...current.excluded].some((email) => samePerson(email, to))) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected someone who has not approved this request to take approval task ${taskId}, but ${to} already approved it`,
    );
  }
  const { person } = command;
  if (person === null) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected ${to} to be in the org chart to take approval task ${taskId}, but nobody there has that email`,
    );
  }
  if (person && !person.active) {
    throw new CommandRejected(
      'INVALID_ARGUMENT',
      `Expected ${to} to be active in the org chart to take approval task ${taskId}, but they are inactive`,
    );
  }
  return person
    ? { id: person.id, email: person.email, name: person.name }
    : { id: '', email: to, name: to };
}

/** The runner's answer: record the decision it re-checked, then start the next step or end the approval. */
export function assignApprover(
  context: BehaviorContext,
  instance: ElementInstance,
  command: AssignApprover,
): void {
  const { answer } = command;
  let state = stateOf(instance);
  if (!state) {
    throw new CommandRejected(
      'INVALID_STATE',
      `Expected approval '${instance.elementId}' to wait for its approver, but it has no approval under way`,
    );
  }
  if (state.escalating) {
    escalated(context, instance, { ...state, escalating: false }, answer);
    return;
  }
  if (answer.outcome !== 'refused' && answer.outcome !== 'not-escalated') {
    state = {
      ...state,
      query: { ...state.query, converted: answer.amount },
      requester: answer.requester ?? state.requester,
    };
  }
  let handedAndOpen = false;
  if (state.pending && answer.check) {
    const { check } = answer;
    const { handedOver: handed = false, ...pending } = state.pending;
    const checked: ApprovalDecision = {
      ...pending,
      approver: check.approver ?? pending.approver,
      authorityId: check.authorityId,
      limit: check.limit,
      counts: check.counts,
      final: check.final,
      orgVersion: check.orgVersion,
      reason: check.reason,
    };
    state = { ...state, pending: null };
    decide(context, instance, checked);
    state = { ...state, decisions: [...state.decisions, checked] };
    if (checked.counts) {
      const given = {
        approverId: checked.approver.id,
        onBehalfOfId: checked.onBehalfOf?.id ?? null,
        asFallback: checked.asFallback,
        ...(handed ? { authorityId: checked.authorityId ?? checked.approver.id } : {}),
      };
      state = {
        ...state,
        query: { ...state.query, approvals: [...state.query.approvals, given], check: null },
      };
    } else {
      state = { ...state, query: { ...state.query, check: null } };
    }
    handedAndOpen = handed && checked.counts && !checked.final;
  }
  if (handedAndOpen) {
    // The runner answered as if the approver had approved a step of their own: ask again, with the approval recorded for the step it was given for.
    ask(context, instance, state);
    return;
  }
  context.wait(instance, { wait: 'approver', approval: toJson(state) });
  switch (answer.outcome) {
    case 'refused':
      context.raiseIncident(
        instance,
        answer.incidentType,
        `Expected approval '${instance.elementId}' to be resolvable, but: ${answer.reason}`,
      );
      return;
    case 'no-approver':
      context.raiseIncident(
        instance,
        'APPROVAL_NO_APPROVER',
        `Expected an approver for approval '${instance.elementId}', but: ${answer.reason}`,
      );
      return;
    case 'self-approved': {
      const selfApproved: ApprovalDecision = {
        step: 0,
        taskId: null,
        approver: answer.requester,
        onBehalfOf: null,
        asFallback: false,
        decision: 'approve',
        channel: 'auto',
        comment: null,
        at: new Date(context.now).toISOString(),
        authorityId: answer.requester.id,
        limit: answer.limit,
        counts: true,
        final: true,
        orgVersion: answer.orgVersion,
        reason: answer.reason,
      };
      decide(context, instance, selfApproved);
      finish(context, instance, { ...state, decisions: [...state.decisions, selfApproved] }, true);
      return;
    }
    case 'complete':
      finish(context, instance, state, true);
      return;
    case 'approver':
      createStepTask(context, instance, state, answer, state.step + 1);
      return;
    case 'not-escalated':
      return;
  }
}

/**
 * A timer of the approval fired: a reminder mails the assignee; an escalation
 * asks the runner for the assignee's manager; the expiry ends the request
 * rejected. None of them ever approves.
 */
export function approvalTimerFired(
  context: BehaviorContext,
  instance: ElementInstance,
  timerId: string,
): void {
  const state = stateOf(instance);
  const current = state?.current;
  const kind: TimerKind | undefined =
    state?.expiryTimerId === timerId ? 'expiry' : current?.timers[timerId];
  if (!state || !kind || instance.state !== 'active') {
    throw new CommandRejected(
      'NOT_FOUND',
      `Expected a pending approval timer '${timerId}' on element instance '${instance.id}', but there is none`,
    );
  }
  context.record('TimerFired', instance, { timerId, approvalTimer: kind });
  if (kind === 'expiry') {
    if (current) context.emit({ type: 'CancelTask', taskId: current.taskId });
    const expired = { ...state, expiryTimerId: null };
    stopTimers(context, expired, false);
    finish(context, instance, expired, false);
    return;
  }
  if (!current) return;
  const { [timerId]: _fired, ...timers } = current.timers;
  const next: ApprovalState = { ...state, current: { ...current, timers } };
  if (kind === 'reminder') {
    context.wait(instance, { approval: toJson(next) });
    const to = holderOf(current)?.email;
    if (to)
      context.emit({
        type: 'SendMail',
        mail: {
          kind: 'approval-reminder',
          to,
          data: { taskId: current.taskId, elementId: instance.elementId, step: current.step },
        },
      });
    return;
  }
  if (!current.approver) {
    context.wait(instance, { approval: toJson(next) });
    return;
  }
  const escalating: ApprovalState = {
    ...next,
    escalating: true,
    query: { ...next.query, escalate: { approverId: current.approver.id } },
  };
  context.wait(instance, { wait: 'approver', approval: toJson(escalating) });
  context.emit({
    type: 'ResolveApprover',
    elementInstanceId: instance.id,
    query: escalating.query,
  });
}

/** Whether the timer is one of the approval's own (reminder, escalation, expiry) rather than a boundary event's. */
export function isApprovalTimer(
  context: BehaviorContext,
  instance: ElementInstance,
  timerId: string,
): boolean {
  if (!isApprovalTask(context, instance)) return false;
  const state = stateOf(instance);
  return (
    state !== null &&
    (state.expiryTimerId === timerId || state.current?.timers[timerId] !== undefined)
  );
}

/** The answer to an escalation: the open task moves to the manager (the old one is cancelled), or stays. */
function escalated(
  context: BehaviorContext,
  instance: ElementInstance,
  state: ApprovalState,
  answer: ApproverAnswer,
): void {
  const plain: ApprovalState = { ...state, query: { ...state.query, escalate: null } };
  const current = plain.current;
  if (answer.outcome !== 'approver' || !current) {
    // Nobody above can take it (or the org chart could not be read): the assignee keeps the task.
    context.wait(instance, { wait: 'task', approval: toJson(plain) });
    return;
  }
  context.emit({ type: 'CancelTask', taskId: current.taskId });
  stopTimers(context, plain, false);
  createStepTask(
    context,
    instance,
    { ...plain, current: null },
    answer,
    current.step,
    holderOf(current)?.email ?? current.approver?.email ?? null,
  );
}

function createStepTask(
  context: BehaviorContext,
  instance: ElementInstance,
  state: ApprovalState,
  answer: Extract<ApproverAnswer, { outcome: 'approver' }>,
  step: number,
  escalatedFrom: string | null = null,
): void {
  const node = context.graph.elements.get(instance.elementId);
  const timers: CurrentStep['timers'] = {};
  for (const kind of ['reminder', 'escalation'] as const) {
    const timerId = node && answer.approver ? startTimer(context, instance, node, kind) : null;
    if (timerId) timers[timerId] = kind;
  }
  const current: CurrentStep = {
    step,
    taskId: context.newId(),
    approver: answer.approver,
    group: answer.group,
    onBehalfOf: answer.onBehalfOf,
    asFallback: answer.asFallback,
    authorityId: answer.authorityId,
    limit: answer.limit,
    excluded: answer.excluded,
    orgVersion: answer.orgVersion,
    reason: answer.reason,
    timers,
  };
  const next: ApprovalState = { ...state, step, current };
  const amount = answer.amount;
  const form = node?.zeebe.form;
  const details: { [key: string]: Json } = {
    approval: true,
    title: node?.name ?? instance.elementId,
    amount: formatMoney(amount.minor, amount.currency),
    amountMinor: amount.minor,
    currency: amount.currency,
    requestedAmount: formatMoney(amount.original.minor, amount.original.currency),
    exchangeRate: amount.rate,
    requester: next.requester?.email ?? state.query.requester,
    requesterName: next.requester?.name ?? state.query.requester,
    step,
    steps: answer.remaining === null ? null : step - 1 + answer.remaining,
    onBehalfOf: answer.onBehalfOf?.email ?? null,
    onBehalfOfName: answer.onBehalfOf?.name ?? null,
    asFallback: answer.asFallback,
    excluded: answer.excluded,
    reason: answer.reason,
    orgVersion: answer.orgVersion,
    escalatedFrom,
  };
  if (form?.formId) details['formId'] = form.formId;
  context.wait(instance, { wait: 'task', approval: toJson(next) });
  context.emit({
    type: 'CreateTask',
    task: {
      id: current.taskId,
      elementId: instance.elementId,
      name: node?.name ?? null,
      assignee: answer.approver?.email ?? null,
      candidateUsers: [],
      candidateGroups: answer.group ? [answer.group] : [],
      formKey: form?.formKey ?? form?.formId ?? null,
      dueDate: null,
      followUpDate: null,
      details,
      variables: context.visibleVariables(instance),
    },
  });
  // Written in the task's transaction: the mail is never lost, nor sent for a task that was never created.
  const approverEmail = answer.approver?.email;
  if (approverEmail)
    context.emit({
      type: 'SendMail',
      mail: {
        kind: escalatedFrom ? 'approval-escalated' : 'approval-request',
        to: approverEmail,
        data: { taskId: current.taskId },
      },
    });
  // A group queue's members are told together; who is in the group is read when the mail goes out.
  else if (answer.group)
    context.emit({
      type: 'SendMail',
      mail: { kind: 'approval-queued', to: `group:${answer.group}`, data: { taskId: current.taskId, group: answer.group } },
    });
  context.record('TaskCreated', instance, {
    taskId: current.taskId,
    step,
    assignee: current.approver?.email ?? null,
    group: current.group,
    onBehalfOf: current.onBehalfOf?.email ?? null,
    escalatedFrom,
    reason: current.reason,
  });
}

/** Stores the decision (history and an approval_decisions row). */
function decide(
  context: BehaviorContext,
  instance: ElementInstance,
  decision: ApprovalDecision,
): void {
  context.record(
    'ApprovalDecided',
    instance,
    toJson(decision),
    decision.channel === 'auto' ? undefined : decision.approver.email,
  );
  context.emit({
    type: 'RecordApprovalDecision',
    elementInstanceId: instance.id,
    elementId: instance.elementId,
    decision,
  });
}

/**
 * Ends the approval (approved, rejected or expired) and tells the requester,
 * unless nobody but the requester's own authority decided it.
 */
function finish(
  context: BehaviorContext,
  instance: ElementInstance,
  state: ApprovalState,
  approved: boolean,
): void {
  stopTimers(context, state, true);
  const requester = state.requester?.email ?? state.query.requester;
  const decidedByOthers =
    !approved || state.decisions.some((decision) => decision.channel !== 'auto');
  if (requester && decidedByOthers)
    context.emit({
      type: 'SendMail',
      mail: {
        kind: 'approval-outcome',
        to: requester,
        data: { instanceId: context.instanceId, elementId: instance.elementId, approved },
      },
    });
  context.wait(instance, {
    approval: toJson({ ...state, current: null, pending: null, expiryTimerId: null }),
  });
  context.applyResult(instance, { approved, approvals: state.decisions.map(outputOf) });
  context.complete(instance);
}

/** A decision as the process sees it in `approvals`. */
function outputOf(decision: ApprovalDecision): Json {
  return {
    step: decision.step,
    approver: decision.approver.email,
    approverName: decision.approver.name,
    onBehalfOf: decision.onBehalfOf?.email ?? null,
    decision: decision.decision,
    channel: decision.channel,
    comment: decision.comment,
    at: decision.at,
    authority: decision.authorityId,
    limit: decision.limit,
    counts: decision.counts,
    final: decision.final,
  };
}

function ask(context: BehaviorContext, instance: ElementInstance, state: ApprovalState): void {
  const query: ApproverQuery = state.pending
    ? {
        ...state.query,
        check: {
          approverId: state.pending.approver.id,
          approverEmail: state.pending.approver.email,
          // A step handed over is checked against the approver's own limit.
          onBehalfOfId: state.pending.handedOver ? null : (state.pending.onBehalfOf?.id ?? null),
          asFallback: state.pending.asFallback,
        },
      }
    : state.query;
  const next = { ...state, query };
  context.wait(instance, { wait: 'approver', approval: toJson(next) });
  context.emit({ type: 'ResolveApprover', elementInstanceId: instance.id, query });
}

function queryOf(
  context: BehaviorContext,
  instance: ElementInstance,
  node: ElementNode,
): ApproverQuery | null {
  const config = node.approval;
  if (!config) return null;
  if (!config.amount) {
    context.raiseIncident(
      instance,
      'EXTRACT_VALUE_ERROR',
      `Expected approval '${node.id}' to have an amount, but baton:Approval names none`,
    );
    return null;
  }
  const amount = context.evaluate(instance, config.amount, 'the approval amount');
  if (!amount.ok) {
    context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', amount.message);
    return null;
  }
  if (typeof amount.value !== 'number' && typeof amount.value !== 'string') {
    context.raiseIncident(
      instance,
      'APPROVAL_AMOUNT_INVALID',
      `Expected the approval amount of '${node.id}' to be a number, but it was ${describe(amount.value)}`,
    );
    return null;
  }
  // Without a requester expression the runner asks for the person who started the instance.
  let requester: Json = null;
  if (config.requester) {
    const evaluated = context.evaluate(instance, config.requester, 'the approval requester');
    if (!evaluated.ok) {
      context.raiseIncident(instance, 'EXTRACT_VALUE_ERROR', evaluated.message);
      return null;
    }
    requester = evaluated.value;
  }
  if (config.requester && (typeof requester !== 'string' || requester.trim() === '')) {
    context.raiseIncident(
      instance,
      'EXTRACT_VALUE_ERROR',
      `Expected the approval requester of '${node.id}' to be an email, but it was ${describe(requester)}`,
    );
    return null;
  }
  return {
    elementId: node.id,
    requester: typeof requester === 'string' ? requester.trim() : null,
    amount: { value: amount.value, currency: config.currency?.trim() || null },
    converted: null,
    policy: config.policy,
    selfAuthority: config.selfAuthority,
    fallback: config.fallbackApprover?.trim() || null,
    approvals: [],
    check: null,
  };
}

function decisionOf(variables: { [key: string]: Json }): 'approve' | 'reject' {
  const decision = variables['decision'];
  if (decision === 'approve' || decision === 'reject') return decision;
  const approved = variables['approved'];
  if (decision === undefined && typeof approved === 'boolean')
    return approved ? 'approve' : 'reject';
  throw new CommandRejected(
    'INVALID_ARGUMENT',
    `Expected the decision as decision: 'approve' or 'reject' (or approved: true or false), but got ${describe(decision ?? approved ?? null)}`,
  );
}

function mayDecide(current: CurrentStep, by: string): boolean {
  if (by.trim() === '') return false;
  const holder = holderOf(current);
  if (holder) return samePerson(holder.email, by);
  return !current.excluded.some((email) => samePerson(email, by));
}

/** Who has the step now: whoever claimed it or was handed it, else its approver; null while it waits in a group queue. */
function holderOf(current: CurrentStep): PersonRef | null {
  return current.assignee !== undefined ? current.assignee : current.approver;
}

/** A person's step held by someone else: they decide it for that person, with their own limit. */
function handedOver(current: CurrentStep): boolean {
  const holder = holderOf(current);
  return (
    current.approver !== null &&
    holder !== null &&
    !samePerson(holder.email, current.approver.email)
  );
}

function stateOf(instance: ElementInstance): ApprovalState | null {
  const approval = instance.data?.['approval'];
  return approval && typeof approval === 'object' && !Array.isArray(approval)
    ? (approval as unknown as ApprovalState)
    : null;
}

function toJson(value: object): { [key: string]: Json } {
  return value as { [key: string]: Json };
}

/** Starts the approval timer of this kind when baton:Approval sets its duration; returns its id. */
function startTimer(
  context: BehaviorContext,
  instance: ElementInstance,
  node: ElementNode,
  kind: TimerKind,
): string | null {
  const duration = durationOf(context, instance, node, kind);
  if (!duration) return null;
  const id = context.newId();
  context.emit({
    type: 'CreateTimer',
    timer: {
      id,
      elementInstanceId: instance.id,
      elementId: node.id,
      dueAt: addDuration(context.now, duration),
    },
  });
  context.record('TimerCreated', instance, { timerId: id, approvalTimer: kind });
  return id;
}

/** Cancels the open step's timers, and the expiry too when the approval ends. */
function stopTimers(context: BehaviorContext, state: ApprovalState, withExpiry: boolean): void {
  for (const timerId of Object.keys(state.current?.timers ?? {}))
    context.emit({ type: 'CancelTimer', timerId });
  if (withExpiry && state.expiryTimerId)
    context.emit({ type: 'CancelTimer', timerId: state.expiryTimerId });
}

/** The configured duration; null when none is set, undefined (after raising an incident) when it is not a duration. */
function durationOf(
  context: BehaviorContext,
  instance: ElementInstance,
  node: ElementNode,
  kind: TimerKind,
): ReturnType<typeof parseDuration> | undefined {
  const text = node.approval?.[kind]?.trim();
  if (!text) return null;
  const duration = parseDuration(text);
  if (duration === null) {
    context.raiseIncident(
      instance,
      'EXTRACT_VALUE_ERROR',
      `Expected the approval ${kind} of '${node.id}' to be an ISO 8601 duration such as P2D, but it was '${text}'`,
    );
    return undefined;
  }
  return duration;
}
