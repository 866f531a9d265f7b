CREATE TYPE "public"."user_role" AS ENUM('admin', 'designer', 'member');--> statement-breakpoint
CREATE TABLE "approval_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"element_instance_id" text NOT NULL,
	"element_id" text NOT NULL,
	"task_id" text,
	"step" integer NOT NULL,
	"approver_id" text NOT NULL,
	"approver" text NOT NULL,
	"on_behalf_of_id" text,
	"on_behalf_of" text,
	"as_fallback" boolean DEFAULT false NOT NULL,
	"decision" text NOT NULL,
	"channel" text NOT NULL,
	"comment" text,
	"authority_id" text,
	"authority_limit" bigint,
	"counts" boolean NOT NULL,
	"final" boolean NOT NULL,
	"org_chart_version" text NOT NULL,
	"reason" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"type" text NOT NULL,
	"element_id" text,
	"element_instance_id" text,
	"element_type" text,
	"by" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"process_id" text NOT NULL,
	"element_id" text NOT NULL,
	"element_instance_id" text NOT NULL,
	"type" text NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"process_id" text NOT NULL,
	"element_id" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"retries" integer NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"locked_by" text,
	"lock_expires_at" timestamp with time zone,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text,
	"kind" text NOT NULL,
	"to" text NOT NULL,
	"subject" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_correlations" (
	"message_id" text NOT NULL,
	"instance_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_start_events" (
	"definition_id" text NOT NULL,
	"process_id" text NOT NULL,
	"element_id" text NOT NULL,
	"message_name" text NOT NULL,
	"kind" text DEFAULT 'message' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"element_instance_id" text NOT NULL,
	"element_id" text NOT NULL,
	"message_name" text NOT NULL,
	"correlation_key" text NOT NULL,
	"interrupting" boolean NOT NULL,
	"kind" text DEFAULT 'message' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"correlation_key" text NOT NULL,
	"variables" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text,
	"xml" text NOT NULL,
	"deployed_by" text,
	"deployed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"definition_id" text NOT NULL,
	"process_id" text NOT NULL,
	"definition_version" integer NOT NULL,
	"business_key" text,
	"status" text NOT NULL,
	"has_incident" boolean DEFAULT false NOT NULL,
	"started_by" text,
	"parent_instance_id" text,
	"state" jsonb NOT NULL,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"process_id" text NOT NULL,
	"element_id" text NOT NULL,
	"name" text,
	"assignee" text,
	"candidate_users" text[] DEFAULT '{}'::text[] NOT NULL,
	"candidate_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"form_key" text,
	"due_date" text,
	"follow_up_date" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text,
	"process_id" text,
	"definition_id" text,
	"element_instance_id" text NOT NULL,
	"element_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"repetitions" integer,
	"interval" text,
	"locked_by" text,
	"lock_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "authority_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"reason" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"manager_id" uuid,
	"authority_limit" bigint,
	"currency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"delegate_id" uuid,
	"delegate_from" date,
	"delegate_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_email_unique" UNIQUE("email"),
	CONSTRAINT "employees_authority_limit_non_negative" CHECK ("employees"."authority_limit" IS NULL OR "employees"."authority_limit" >= 0),
	CONSTRAINT "employees_currency_iso" CHECK ("employees"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"valid_on" date NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_currency_valid_on_pk" PRIMARY KEY("currency","valid_on"),
	CONSTRAINT "exchange_rates_rate_positive" CHECK ("exchange_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "org_chart_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_chart_version_single_row" CHECK ("org_chart_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"employee_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_employee_id_unique" UNIQUE("employee_id")
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"form_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"schema" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_drafts" (
	"process_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"xml" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"deployed_revision" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_link_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_link_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ip" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_link_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"task_id" text NOT NULL,
	"instance_id" text NOT NULL,
	"approver" text NOT NULL,
	"decision" text NOT NULL,
	"mail_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "approval_link_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "mail_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mail_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"transport" text NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"message_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_notifications" (
	"key" text PRIMARY KEY NOT NULL,
	"mail_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mail_id" text,
	"message_id" text NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "process_instances" ADD CONSTRAINT "process_instances_definition_id_process_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."process_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_changes" ADD CONSTRAINT "authority_changes_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_manager_id_employees_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_delegate_id_employees_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_decisions_instance_idx" ON "approval_decisions" USING btree ("instance_id","decided_at");--> statement-breakpoint
CREATE INDEX "approval_decisions_approver_idx" ON "approval_decisions" USING btree ("approver","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_decisions_task_key" ON "approval_decisions" USING btree ("task_id") WHERE "approval_decisions"."task_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "history_instance_id_idx" ON "history" USING btree ("instance_id","id");--> statement-breakpoint
CREATE INDEX "incidents_status_created_idx" ON "incidents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "incidents_instance_idx" ON "incidents" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "jobs_status_type_due_idx" ON "jobs" USING btree ("status","type","due_at");--> statement-breakpoint
CREATE INDEX "jobs_instance_idx" ON "jobs" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_next_attempt_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_correlations_pk" ON "message_correlations" USING btree ("message_id","instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_start_events_pk" ON "message_start_events" USING btree ("definition_id","element_id");--> statement-breakpoint
CREATE INDEX "message_start_events_name_idx" ON "message_start_events" USING btree ("message_name");--> statement-breakpoint
CREATE INDEX "message_subscriptions_name_key_idx" ON "message_subscriptions" USING btree ("message_name","correlation_key");--> statement-breakpoint
CREATE INDEX "message_subscriptions_instance_idx" ON "message_subscriptions" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "messages_name_key_idx" ON "messages" USING btree ("name","correlation_key","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "process_definitions_process_version_key" ON "process_definitions" USING btree ("process_id","version");--> statement-breakpoint
CREATE INDEX "process_instances_process_status_started_idx" ON "process_instances" USING btree ("process_id","status","started_at");--> statement-breakpoint
CREATE INDEX "process_instances_status_started_idx" ON "process_instances" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "process_instances_incident_idx" ON "process_instances" USING btree ("started_at") WHERE "process_instances"."has_incident";--> statement-breakpoint
CREATE INDEX "process_instances_business_key_idx" ON "process_instances" USING btree ("business_key");--> statement-breakpoint
CREATE INDEX "process_instances_parent_idx" ON "process_instances" USING btree ("parent_instance_id");--> statement-breakpoint
CREATE INDEX "process_instances_started_by_idx" ON "process_instances" USING btree ("started_by","started_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_status_created_idx" ON "tasks" USING btree ("assignee","status","created_at");--> statement-breakpoint
CREATE INDEX "tasks_candidate_groups_idx" ON "tasks" USING gin ("candidate_groups") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_candidate_users_idx" ON "tasks" USING gin ("candidate_users") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_instance_idx" ON "tasks" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "timers_due_idx" ON "timers" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "timers_instance_idx" ON "timers" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "timers_process_idx" ON "timers" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "authority_changes_employee_idx" ON "authority_changes" USING btree ("employee_id","changed_at");--> statement-breakpoint
CREATE INDEX "authority_changes_changed_at_idx" ON "authority_changes" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "employees_manager_idx" ON "employees" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE INDEX "process_drafts_updated_idx" ON "process_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "approval_link_failures_ip_idx" ON "approval_link_failures" USING btree ("ip","failed_at");--> statement-breakpoint
CREATE INDEX "approval_link_tokens_task_idx" ON "approval_link_tokens" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "approval_link_tokens_live_idx" ON "approval_link_tokens" USING btree ("expires_at") WHERE "approval_link_tokens"."used_at" IS NULL AND "approval_link_tokens"."voided_at" IS NULL;--> statement-breakpoint
CREATE INDEX "mail_attempts_mail_idx" ON "mail_attempts" USING btree ("mail_id","at");--> statement-breakpoint
CREATE INDEX "mailbox_messages_received_idx" ON "mailbox_messages" USING btree ("received_at");