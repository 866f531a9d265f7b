import { z } from 'zod';
import { escapeHtml, oneLine } from '../escape';
import { button, formatInstant, htmlLayout, summaryTable, summaryText } from './layout';

/** What the mail telling a requester that their request was withdrawn shows. */
export const requestCancelledView = z.object({
  title: z.string(),
  processName: z.string(),
  requesterName: z.string(),
  cancelledByName: z.string(),
  reason: z.string().nullish(),
  at: z.string(),
});

export type RequestCancelledView = z.infer<typeof requestCancelledView>;

export function renderRequestCancelled(
  data: RequestCancelledView,
  links: { requests: string },
): { subject: string; html: string; text: string } {
  const subject = oneLine(`Your request "${data.title}" was cancelled`);
  const rows: Array<readonly [string, string]> = [
    ['Request', data.title],
    ['Process', data.processName],
    ['Cancelled by', data.cancelledByName],
    ['When', formatInstant(data.at)],
  ];
  if (data.reason) rows.push(['Reason', data.reason]);
  const html = htmlLayout({
    preheader: `${data.cancelledByName} cancelled your request.`,
    heading: 'Your request was cancelled',
    body: `<p style="margin:0 0 16px;">Hello ${escapeHtml(data.requesterName)},</p>
<p style="margin:0 0 16px;">Your request was cancelled before it was decided; nobody needs to act on it any more.</p>
${summaryTable(rows)}
<p style="margin:0;">${button('See my requests', links.requests, 'plain')}</p>`,
    footer: 'You receive this mail because you submitted this request in Baton.',
  });
  const text = `Hello ${data.requesterName},

Your request was cancelled before it was decided; nobody needs to act on it any more.

${summaryText(rows)}

See my requests: ${links.requests}
`;
  return { subject, html, text };
}
