import { escapeHtml, oneLine } from '../escape';
import { button, formatInstant, htmlLayout, summaryTable, summaryText } from './layout';

/** What the mail about a new comment on a task says. */
export interface TaskCommentMailData {
  /** The request's title ("3 laptops"), or the task's name when it has none. */
  title: string;
  /** The step the comment was posted on ("Manager approval"). */
  taskName: string;
  authorName: string;
  recipientName: string;
  /** The recipient started the request (else they work on the task). */
  toRequester: boolean;
  body: string;
  at: string;
}

/** A new comment, quoted in full, with a link to answer it on the task's page. */
export function renderTaskComment(
  data: TaskCommentMailData,
  links: { task: string },
): { subject: string; html: string; text: string } {
  const subject = oneLine(`${data.authorName} commented on "${data.title}"`);
  const onWhat = data.toRequester ? 'your request' : 'a request you work on';
  const rows: Array<readonly [string, string]> = [
    ['Request', data.title],
    ['Step', data.taskName],
    ['When', formatInstant(data.at)],
  ];
  const paragraphs = data.body
    .split(/\n{2,}/)
    .map((paragraph) => `<p style="margin:0 0 8px;">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const html = htmlLayout({
    preheader: `${data.authorName}: ${oneLine(data.body, 120)}`,
    heading: `New comment on "${data.title}"`,
    body: `<p style="margin:0 0 16px;">Hello ${escapeHtml(data.recipientName)},</p>
<p style="margin:0 0 12px;">${escapeHtml(data.authorName)} commented on ${onWhat}:</p>
<blockquote style="margin:0 0 20px;padding:12px 16px;border-left:3px solid #4f46e5;background:#f4f4f5;border-radius:4px;">${paragraphs}</blockquote>
${summaryTable(rows)}
<p style="margin:0;">${button('Reply in Baton', links.task, 'plain')}</p>`,
    footer: data.toRequester
      ? 'You receive this mail because you submitted this request in Baton.'
      : 'You receive this mail because this task is assigned to you in Baton.',
  });
  const quoted = data.body
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  const text = `Hello ${data.recipientName},

${data.authorName} commented on ${onWhat}:

${quoted}

${summaryText(rows)}

Reply in Baton: ${links.task}
`;
  return { subject, html, text };
}
