import {
  boolean,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  bigint,
  primaryKey,
} from 'drizzle-orm/pg-core';
import { employees } from './org';

export const userRole = pgEnum('user_role', ['admin', 'designer', 'member']);

/** Accounts that can sign in. Email is stored lower-case; the password only as an scrypt hash. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull().default('member'),
  employeeId: uuid('employee_id')
    .unique()
    .references(() => employees.id, { onDelete: 'set null' }),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per sign-in attempt. Kept in the database (not in memory) so the
 * limit on repeated failures holds across every web process.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sign_in_attempts_email_idx').on(table.email, table.attemptedAt),
    index('sign_in_attempts_ip_idx').on(table.ip, table.attemptedAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];

/**
 * Named queues that tasks are offered to (`candidateGroups`, an approval's
 * fallback group). A person belongs to the groups listed for them here; their
 * role is a group too, so `admin`, `designer` and `member` need no rows.
 */
export const groups = pgTable('groups', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupKey: text('group_key')
      .notNull()
      .references(() => groups.key, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupKey, table.userId] }), index('group_members_user_idx').on(table.userId)],
);

/**
 * Append-only audit of changes to accounts: role, active flag and group
 * membership, who made them and why. Like `authority_changes`, the actor is
 * kept by id and name without a foreign key so the record outlives the account.
 */
export const userChanges = pgTable(
  'user_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    userEmail: text('user_email').notNull(),
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    field: text('field', { enum: ['role', 'active', 'group'] }).notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason').notNull().default(''),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('user_changes_user_idx').on(table.userId, table.changedAt),
    index('user_changes_changed_at_idx').on(table.changedAt),
  ],
);

export type Group = typeof groups.$inferSelect;
export type UserChange = typeof userChanges.$inferSelect;
