import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/**
 * The org chart the approval engine reads. Authority limits are integers in the
 * currency's minor units (cents) so comparisons never round; null means unlimited.
 */
export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    title: text('title').notNull().default(''),
    managerId: uuid('manager_id').references((): AnyPgColumn => employees.id, {
      onDelete: 'set null',
    }),
    authorityLimit: bigint('authority_limit', { mode: 'number' }),
    currency: text('currency').notNull(),
    active: boolean('active').notNull().default(true),
    delegateId: uuid('delegate_id').references((): AnyPgColumn => employees.id, {
      onDelete: 'set null',
    }),
    delegateFrom: date('delegate_from'),
    delegateUntil: date('delegate_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('employees_manager_idx').on(table.managerId),
    check(
      'employees_authority_limit_non_negative',
      sql`${table.authorityLimit} IS NULL OR ${table.authorityLimit} >= 0`,
    ),
    check('employees_currency_iso', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * Append-only audit of every change to the org chart: who changed which field
 * of whom, from what to what, and why. `changed_by` is a user id, kept without a
 * foreign key (with the name beside it) so the record outlives the account.
 */
export const authorityChanges = pgTable(
  'authority_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason').notNull().default(''),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('authority_changes_employee_idx').on(table.employeeId, table.changedAt),
    index('authority_changes_changed_at_idx').on(table.changedAt),
  ],
);

/** How many units of the company currency one unit of `currency` is worth, from `valid_on`. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    currency: text('currency').notNull(),
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
    validOn: date('valid_on').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.currency, table.validOn] }),
    check('exchange_rates_rate_positive', sql`${table.rate} > 0`),
  ],
);

/**
 * A single row holding a counter that rises with every change to the org chart,
 * so each approval decision can record which version of the chart applied.
 * Whoever changes employees increments it in the same transaction.
 */
export const orgChartVersion = pgTable(
  'org_chart_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('org_chart_version_single_row', sql`${table.id} = 1`)],
);

export type Employee = typeof employees.$inferSelect;
export type NewEmployee = typeof employees.$inferInsert;
export type AuthorityChange = typeof authorityChanges.$inferSelect;
export type ExchangeRate = typeof exchangeRates.$inferSelect;
