import { escapeHtml, oneLine } from '../escape';
import type { ApprovalRequestData } from './approval-request';
import { button, htmlLayout, summaryTable, summaryText } from './layout';

/**
 * The mail to every member of a group queue when an approval waits there: no
 * decision links (those belong to one approver), but the request and a link to
 * claim it in Baton.
 */
export function renderApprovalQueued(
  summary: ApprovalRequestData,
  queue: { name: string; reason: string | null },
  links: { task: string },
): { subject: string; html: string; text: string } {
  const subject = oneLine(`Waiting in ${queue.name}: ${summary.amount} for "${summary.title}" from ${summary.requesterName}`);
  const rows: Array<readonly [string, string]> = [
    ['Request', summary.title],
    ['Amount', summary.amount],
    ['Requested by', `${summary.requesterName} <${summary.requester}>`],
    ...summary.fields,
  ];
  if (queue.reason) rows.push(['Why the queue', queue.reason]);
  const html = htmlLayout({
    preheader: `A request waits in ${queue.name} for one of you to take it.`,
    heading: `A request waits in ${queue.name}`,
    body: `<p style="margin:0 0 16px;">One of the group claims it in Baton and decides it; the others then see it taken.</p>
${summaryTable(rows)}
<p style="margin:0;">${button('Open the task in Baton', links.task, 'primary')}</p>`,
    footer: `You receive this mail because you are a member of ${escapeHtml(queue.name)} in Baton.`,
  });
  const text = `A request waits in ${queue.name}. One of the group claims it in Baton and decides it; the others then see it taken.

${summaryText(rows)}

Open the task in Baton: ${links.task}
`;
  return { subject, html, text };
}
