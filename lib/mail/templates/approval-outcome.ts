import { z } from 'zod';
import { escapeHtml, oneLine } from '../escape';
import { button, formatInstant, htmlLayout, summaryTable, summaryText } from './layout';

/** The outbox data of the mail that tells a requester how their request ended. */
export const approvalOutcomeData = z.object({
  instanceId: z.string().min(1),
  title: z.string(),
  amount: z.string(),
  requesterName: z.string(),
  approved: z.boolean(),
  decidedByName: z.string(),
  comment: z.string().nullish(),
  at: z.string(),
});

export type ApprovalOutcomeData = z.infer<typeof approvalOutcomeData>;

export function renderApprovalOutcome(
  data: ApprovalOutcomeData,
  links: { app: string },
): { subject: string; html: string; text: string } {
  const verdict = data.approved ? 'approved' : 'rejected';
  const subject = oneLine(`Your request "${data.title}" was ${verdict}`);
  const rows: Array<readonly [string, string]> = [
    ['Request', data.title],
    ['Amount', data.amount],
    [data.approved ? 'Final approval' : 'Rejected by', data.decidedByName],
    ['When', formatInstant(data.at)],
  ];
  if (data.comment) rows.push(['Comment', data.comment]);
  const html = htmlLayout({
    preheader: `${data.decidedByName} ${verdict} your request.`,
    heading: `Your request was ${verdict}`,
    body: `<p style="margin:0 0 16px;">Hello ${escapeHtml(data.requesterName)},</p>
<p style="margin:0 0 16px;">Your request was ${verdict}.</p>
${summaryTable(rows)}
<p style="margin:0;">${button('Open Baton', links.app, 'plain')}</p>`,
    footer: 'You receive this mail because you submitted this request in Baton.',
  });
  const text = `Hello ${data.requesterName},

Your request was ${verdict}.

${summaryText(rows)}

Open Baton: ${links.app}
`;
  return { subject, html, text };
}
