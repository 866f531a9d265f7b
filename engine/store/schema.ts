/**
 * The engine's own tables. Every row that belongs to a process instance carries
 * its `instance_id`, so the tables can be distributed by instance id later.
 * Ids are text: they come from the engine's id source (UUIDs by default).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { HistoryEvent, InstanceState, Json, Variables } from '../runtime/types';

type JsonObject = { [key: string]: Json };

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

export const processDefinitions = pgTable(
  'process_definitions',
  {
    id: text('id').primaryKey(),
    processId: text('process_id').notNull(),
    version: integer('version').notNull(),
    name: text('name'),
    xml: text('xml').notNull(),
    deployedBy: text('deployed_by'),
    deployedAt: timestamp('deployed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('process_definitions_process_version_key').on(t.processId, t.version)],
);

export const processInstances = pgTable(
  'process_instances',
  {
    id: text('id').primaryKey(),
    definitionId: text('definition_id')
      .notNull()
      .references(() => processDefinitions.id),
    processId: text('process_id').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    businessKey: text('business_key'),
    status: text('status', { enum: ['active', 'completed', 'terminated'] }).notNull(),
    hasIncident: boolean('has_incident').notNull().default(false),
    startedBy: text('started_by'),
    parentInstanceId: text('parent_instance_id'),
    state: jsonb('state').$type<InstanceState>().notNull(),
    lockVersion: integer('lock_version').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // The operator list: by process and status, newest first; and "everything with an incident".
    index('process_instances_process_status_started_idx').on(t.processId, t.status, t.startedAt),
    index('process_instances_status_started_idx').on(t.status, t.startedAt),
    index('process_instances_incident_idx')
      .on(t.startedAt)
      .where(sql`${t.hasIncident}`),
    index('process_instances_business_key_idx').on(t.businessKey),
    index('process_instances_parent_idx').on(t.parentInstanceId),
    // "My requests": one requester's instances, newest first.
    index('process_instances_started_by_idx').on(t.startedBy, t.startedAt),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    processId: text('process_id').notNull(),
    elementId: text('element_id').notNull(),
    name: text('name'),
    assignee: text('assignee'),
    candidateUsers: text('candidate_users')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    candidateGroups: text('candidate_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    formKey: text('form_key'),
    dueDate: text('due_date'),
    followUpDate: text('follow_up_date'),
    status: text('status', { enum: ['open', 'completed', 'cancelled'] }).notNull(),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    completedBy: text('completed_by'),
    details: jsonb('details').$type<JsonObject>().notNull().default({}),
    variables: jsonb('variables').$type<Variables>().notNull().default({}),
  },
  (t) => [
    // "My open tasks": assigned to me, oldest first; or offered to one of my groups / to me by name.
    index('tasks_assignee_status_created_idx').on(t.assignee, t.status, t.createdAt),
    // Only open tasks are offered; completed ones would grow these indexes forever.
    index('tasks_candidate_groups_idx')
      .using('gin', t.candidateGroups)
      .where(sql`${t.status} = 'open'`),
    index('tasks_candidate_users_idx')
      .using('gin', t.candidateUsers)
      .where(sql`${t.status} = 'open'`),
    index('tasks_instance_idx').on(t.instanceId),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    processId: text('process_id').notNull(),
    elementId: text('element_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: ['activatable', 'failed', 'completed', 'cancelled'] }).notNull(),
    retries: integer('retries').notNull(),
    /** Failures so far; the worker's backoff grows with it. */
    failures: integer('failures').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    lockedBy: text('locked_by'),
    lockExpiresAt: timestamp('lock_expires_at', { withTimezone: true, mode: 'date' }),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    variables: jsonb('variables').$type<Variables>().notNull().default({}),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
  },
  (t) => [
    index('jobs_status_type_due_idx').on(t.status, t.type, t.dueAt),
    index('jobs_instance_idx').on(t.instanceId),
  ],
);

/**
 * Due timers of element instances, and the schedules of timer start events:
 * those have no instance yet (instance_id null) and name the definition whose
 * start event they start.
 */
export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id'),
    processId: text('process_id'),
    definitionId: text('definition_id'),
    elementInstanceId: text('element_instance_id').notNull(),
    elementId: text('element_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    repetitions: integer('repetitions'),
    interval: text('interval'),
    lockedBy: text('locked_by'),
    lockExpiresAt: timestamp('lock_expires_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('timers_due_idx').on(t.dueAt),
    index('timers_instance_idx').on(t.instanceId),
    index('timers_process_idx').on(t.processId),
  ],
);

export const messageSubscriptions = pgTable(
  'message_subscriptions',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    elementInstanceId: text('element_instance_id').notNull(),
    elementId: text('element_id').notNull(),
    messageName: text('message_name').notNull(),
    correlationKey: text('correlation_key').notNull(),
    interrupting: boolean('interrupting').notNull(),
    /** 'message' (name + correlation key) or 'signal' (name only, broadcast). */
    kind: text('kind', { enum: ['message', 'signal'] }).notNull().default('message'),
    createdAt: createdAt(),
  },
  (t) => [
    index('message_subscriptions_name_key_idx').on(t.messageName, t.correlationKey),
    index('message_subscriptions_instance_idx').on(t.instanceId),
  ],
);

/**
 * Published messages kept for their time to live (Camunda 8 buffering): a
 * subscription that opens later with the same name and correlation key gets
 * the message, once per process instance.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    correlationKey: text('correlation_key').notNull(),
    variables: jsonb('variables').$type<Variables>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('messages_name_key_idx').on(t.name, t.correlationKey, t.expiresAt)],
);

/** Which instances a buffered message has already reached. */
export const messageCorrelations = pgTable(
  'message_correlations',
  {
    messageId: text('message_id').notNull(),
    instanceId: text('instance_id').notNull(),
  },
  (t) => [uniqueIndex('message_correlations_pk').on(t.messageId, t.instanceId)],
);

/** Message and signal start events of the latest version of each process: a message or signal with this name starts an instance. */
export const messageStartEvents = pgTable(
  'message_start_events',
  {
    definitionId: text('definition_id').notNull(),
    processId: text('process_id').notNull(),
    elementId: text('element_id').notNull(),
    messageName: text('message_name').notNull(),
    kind: text('kind', { enum: ['message', 'signal'] }).notNull().default('message'),
  },
  (t) => [
    uniqueIndex('message_start_events_pk').on(t.definitionId, t.elementId),
    index('message_start_events_name_idx').on(t.messageName),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    processId: text('process_id').notNull(),
    elementId: text('element_id').notNull(),
    elementInstanceId: text('element_instance_id').notNull(),
    type: text('type').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    index('incidents_status_created_idx').on(t.status, t.createdAt),
    index('incidents_instance_idx').on(t.instanceId),
  ],
);

/**
 * History: one row per transaction of an instance, holding the events that
 * transaction recorded, in order; rows are only ever appended. A command
 * records about ten events (element activated, flow taken, task completed,
 * …), and they are always written and read together, so they are written
 * as one row with one index entry rather than ten (as Temporal keeps a
 * workflow's history, one batch of events per transaction). Rows are only
 * ever read per instance, in the order they were written, so the primary
 * key is (instance, id) and is the table's only index. The view
 * `history_events` shows one row per event, for reports written in SQL.
 */
export const history = pgTable(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    instanceId: text('instance_id').notNull(),
    /** The events as the engine records them: `type`, `at` (milliseconds since 1970), and the element, person and data they concern. */
    events: jsonb('events').$type<HistoryEvent[]>().notNull(),
  },
  (t) => [primaryKey({ name: 'history_pkey', columns: [t.instanceId, t.id] })],
);

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** The instance whose command produced the mail, when there is one. */
    instanceId: text('instance_id'),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject'),
    data: jsonb('data').$type<JsonObject>().notNull().default({}),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('mail_outbox_status_next_attempt_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Every decision on an approval task, one row each, never updated: who decided
 * which step, for whom, how, with whose authority and which limit, on which
 * version of the org chart. This is what makes a decision provable afterwards.
 */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    elementInstanceId: text('element_instance_id').notNull(),
    elementId: text('element_id').notNull(),
    /** Null for the self-authority fast track, which has no task. */
    taskId: text('task_id'),
    step: integer('step').notNull(),
    approverId: text('approver_id').notNull(),
    approver: text('approver').notNull(),
    onBehalfOfId: text('on_behalf_of_id'),
    onBehalfOf: text('on_behalf_of'),
    asFallback: boolean('as_fallback').notNull().default(false),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    channel: text('channel', { enum: ['inbox', 'email', 'api', 'auto'] }).notNull(),
    comment: text('comment'),
    authorityId: text('authority_id'),
    /** Minor units of the company currency; null = unlimited. */
    authorityLimit: bigint('authority_limit', { mode: 'number' }),
    counts: boolean('counts').notNull(),
    final: boolean('final').notNull(),
    orgChartVersion: text('org_chart_version').notNull(),
    reason: text('reason').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('approval_decisions_instance_idx').on(t.instanceId, t.decidedAt),
    index('approval_decisions_approver_idx').on(t.approver, t.decidedAt),
    // A task is decided once; a second decision of the same task is a bug, not a race to lose quietly.
    uniqueIndex('approval_decisions_task_key')
      .on(t.taskId)
      .where(sql`${t.taskId} IS NOT NULL`),
  ],
);
