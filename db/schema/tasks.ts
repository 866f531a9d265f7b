import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tasks } from '../../engine/store/schema';

/**
 * The conversation on a task: questions to the requester, answers, notes for
 * the next approver. Append-only; comments stay after the task is decided and
 * are shown with the instance's history.
 */
export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    instanceId: text('instance_id').notNull(),
    authorEmail: text('author_email').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('task_comments_task_idx').on(table.taskId, table.createdAt),
    index('task_comments_instance_idx').on(table.instanceId, table.createdAt),
  ],
);

export type TaskComment = typeof taskComments.$inferSelect;
