/**
 * The designer's working copies. Deployed versions live in the engine's
 * `process_definitions`; a draft is what a designer edits between deploys.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' }).notNull();

/**
 * One draft per BPMN process id. `revision` grows by one on every save; a save
 * names the revision it was based on, so a stale editor gets a conflict instead
 * of overwriting someone else's work.
 */
export const processDrafts = pgTable(
  'process_drafts',
  {
    processId: text('process_id').primaryKey(),
    name: text('name').notNull(),
    xml: text('xml').notNull(),
    revision: integer('revision').notNull().default(1),
    /** The draft revision that was deployed last; null when never deployed. */
    deployedRevision: integer('deployed_revision'),
    createdBy: text('created_by'),
    createdAt: at('created_at').default(sql`now()`),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').default(sql`now()`),
  },
  (t) => [index('process_drafts_updated_idx').on(t.updatedAt)],
);

/** A form-js schema, linked from user tasks and start events by its id (`zeebe:formDefinition formId`). */
export const forms = pgTable('forms', {
  formId: text('form_id').primaryKey(),
  name: text('name').notNull(),
  schema: jsonb('schema').$type<Record<string, unknown>>().notNull(),
  revision: integer('revision').notNull().default(1),
  createdBy: text('created_by'),
  createdAt: at('created_at').default(sql`now()`),
  updatedBy: text('updated_by'),
  updatedAt: at('updated_at').default(sql`now()`),
});
