import { z } from 'zod';
import { escapeHtml, oneLine } from '../escape';
import { button, formatInstant, htmlLayout, summaryTable, summaryText } from './layout';

/** The outbox data of an approval mail: everything the approver needs to decide from the mail. */
export const approvalRequestData = z.object({
  taskId: z.string().min(1),
  instanceId: z.string().min(1),
  /** The request's own title (a process variable), else the task's name. */
  title: z.string(),
  amount: z.string(),
  requesterName: z.string(),
  requester: z.string(),
  approverName: z.string().nullish(),
  onBehalfOfName: z.string().nullish(),
  step: z.number().int().positive(),
  steps: z.number().int().positive().nullish(),
  reason: z.string().nullish(),
  /** Further fields of the request worth seeing before deciding (label → value). */
  fields: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** The decisions so far in this approval, oldest first. */
  chain: z
    .array(z.object({ name: z.string(), decision: z.enum(['approve', 'reject']), channel: z.string(), at: z.string() }))
    .default([]),
});

export type ApprovalRequestData = z.infer<typeof approvalRequestData>;

export type ApprovalMailVariant = 'request' | 'reminder' | 'escalated';

export interface ApprovalLinks {
  approve: string;
  reject: string;
  task: string;
}

const INTRO: Record<ApprovalMailVariant, string> = {
  request: 'needs your approval',
  reminder: 'is still waiting for your approval',
  escalated: 'was escalated to you for approval',
};

function summaryRows(data: ApprovalRequestData): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [
    ['Request', data.title],
    ['Requested by', `${data.requesterName} <${data.requester}>`],
    ['Amount', data.amount],
    ['Step', data.steps ? `${data.step} of ${data.steps}` : String(data.step)],
  ];
  if (data.onBehalfOfName) rows.push(['On behalf of', data.onBehalfOfName]);
  for (const field of data.fields) rows.push(field);
  if (data.reason) rows.push(['Why you', data.reason]);
  return rows;
}

function chainLine(entry: ApprovalRequestData['chain'][number]): string {
  const verb = entry.decision === 'approve' ? 'approved' : 'rejected';
  return `${entry.name} ${verb} via ${entry.channel} on ${formatInstant(entry.at)}`;
}

export function renderApprovalRequest(
  data: ApprovalRequestData,
  links: ApprovalLinks,
  options: { variant: ApprovalMailVariant; expiresAt: Date },
): { subject: string; html: string; text: string } {
  const intro = INTRO[options.variant];
  const prefix = options.variant === 'reminder' ? 'Reminder: ' : '';
  const subject = oneLine(`${prefix}Approve ${data.amount} for "${data.title}" from ${data.requesterName}?`);
  const rows = summaryRows(data);
  const greeting = data.approverName ? `Hello ${data.approverName},` : 'Hello,';
  const chainHtml =
    data.chain.length === 0
      ? ''
      : `<p style="margin:0 0 8px;font-weight:600;">Approvals so far</p><ul style="margin:0 0 20px;padding-left:20px;">${data.chain
          .map((entry) => `<li>${escapeHtml(chainLine(entry))}</li>`)
          .join('')}</ul>`;
  const expires = formatInstant(options.expiresAt);
  const html = htmlLayout({
    preheader: `${data.requesterName} asks you to approve ${data.amount}.`,
    heading: `A request ${intro}`,
    body: `<p style="margin:0 0 16px;">${escapeHtml(greeting)}</p>
<p style="margin:0 0 16px;">${escapeHtml(data.requesterName)}'s request ${escapeHtml(intro)}.</p>
${summaryTable(rows)}
${chainHtml}
<p style="margin:0 0 8px;">${button('Approve', links.approve, 'primary')}${button('Reject', links.reject, 'danger')}</p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b;">Each button opens a page where you confirm (and, to reject, say why). Nothing is decided until you confirm there.</p>
<p style="margin:0;">${button('Open the task in Baton', links.task, 'plain')}</p>`,
    footer: `These links work once, only for you, until ${escapeHtml(expires)}, and stop working as soon as the task is decided in any way. Please do not forward this mail.`,
  });
  const chainText =
    data.chain.length === 0 ? '' : `\nApprovals so far:\n${data.chain.map((entry) => `- ${chainLine(entry)}`).join('\n')}\n`;
  const text = `${greeting}

${data.requesterName}'s request ${intro}.

${summaryText(rows)}
${chainText}
Approve: ${links.approve}
Reject:  ${links.reject}

Each link opens a page where you confirm (and, to reject, say why). Nothing is decided until you confirm there.

Open the task in Baton: ${links.task}

These links work once, only for you, until ${expires}, and stop working as soon as the task is decided in any way. Please do not forward this mail.
`;
  return { subject, html, text };
}
