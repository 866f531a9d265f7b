import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { processInstances, taskComments, tasks } from '@/db/schema';
import type { MailRecord } from '@/engine';
import type { OutgoingMail } from './message';
import { namesByEmail, nameOf } from './person-names';
import { UnsendableMail, type RenderContext } from './render-mail';
import { renderTaskComment } from './templates/task-comment';
import { messageIdFor } from './transport';

const commentData = z.object({ commentId: z.string().min(1) });

/** The mail telling the assignee or the requester of a task that someone commented on it. */
export async function renderTaskCommentMail(mail: MailRecord, context: RenderContext): Promise<OutgoingMail> {
  const parsed = commentData.safeParse(mail.data);
  if (!parsed.success) {
    throw new UnsendableMail(`Expected the data of a '${mail.kind}' mail to name a comment, but: ${parsed.error.issues[0]?.message ?? 'it does not'}`);
  }
  const { commentId } = parsed.data;
  const [row] = await context.db
    .select({
      comment: taskComments,
      taskName: tasks.name,
      elementId: tasks.elementId,
      variables: tasks.variables,
      startedBy: processInstances.startedBy,
    })
    .from(taskComments)
    .innerJoin(tasks, eq(tasks.id, taskComments.taskId))
    .leftJoin(processInstances, eq(processInstances.id, taskComments.instanceId))
    .where(eq(taskComments.id, commentId))
    .limit(1);
  if (!row) throw new UnsendableMail(`Expected comment ${commentId} to exist, but it does not`);

  const { comment } = row;
  const names = await namesByEmail(context.db, [mail.to]);
  const title = row.variables['title'];
  const rendered = renderTaskComment(
    {
      title: typeof title === 'string' && title !== '' ? title : (row.taskName ?? 'A request'),
      taskName: row.taskName ?? row.elementId,
      authorName: comment.authorName,
      recipientName: nameOf(names, mail.to),
      toRequester: row.startedBy?.toLowerCase() === mail.to.toLowerCase(),
      body: comment.body,
      at: comment.createdAt.toISOString(),
    },
    { task: `${context.baseUrl}/tasks/${encodeURIComponent(comment.taskId)}` },
  );
  return { ...rendered, to: mail.to, messageId: messageIdFor(mail.id), mailId: mail.id };
}
