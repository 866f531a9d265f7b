import { escapeHtml } from '@/lib/mail/escape';
import { formatInstant } from '@/lib/mail/templates/layout';
import type { ApprovalRequestData } from '@/lib/mail/templates/approval-request';

/**
 * The link page is a small standalone HTML document rather than an app page:
 * its visitor is often not signed in, it must answer 400/404/409/429 with
 * exact headers, and it needs no script at all. Every value from a request is
 * escaped here.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;background:#f4f4f5;color:#18181b;font:15px/1.5 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}
main{max-width:600px;margin:40px auto;padding:0 16px}.card{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:28px}
.brand{font-size:13px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#4f46e5;margin:0 0 12px}
h1{font-size:22px;line-height:30px;margin:0 0 12px}p{margin:0 0 14px}table{width:100%;border-collapse:collapse;margin:0 0 20px;font-size:14px}
th{text-align:left;font-weight:400;color:#71717a;padding:6px 12px 6px 0;vertical-align:top;white-space:nowrap;width:1%}td{padding:6px 0;vertical-align:top}
label{display:block;font-weight:600;margin:0 0 6px}textarea{width:100%;min-height:96px;padding:10px;border:1px solid #d4d4d8;border-radius:8px;font:inherit}
textarea:focus,button:focus,a:focus{outline:2px solid #4f46e5;outline-offset:2px}.hint{font-size:13px;color:#52525b}
.error{color:#b91c1c;font-weight:600}.notice{border-radius:8px;padding:12px 14px;margin:0 0 18px}.notice.bad{background:#fef2f2;color:#991b1b}.notice.good{background:#f0fdf4;color:#166534}
button{cursor:pointer;border:0;border-radius:8px;padding:10px 18px;font:600 15px/1.2 inherit;color:#fff}.approve{background:#16a34a}.reject{background:#dc2626}
.actions{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-top:16px}a{color:#4338ca}ul{margin:0 0 20px;padding-left:20px}`;

function documentOf(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} · Baton</title>
<style>${STYLE}</style>
</head>
<body><main><div class="card"><p class="brand">Baton</p>${body}</div></main></body>
</html>`;
}

function summaryHtml(summary: ApprovalRequestData): string {
  const rows: Array<[string, string]> = [
    ['Request', summary.title],
    ['Requested by', `${summary.requesterName} <${summary.requester}>`],
    ['Amount', summary.amount],
    ['Step', summary.steps ? `${summary.step} of ${summary.steps}` : String(summary.step)],
    ...summary.fields,
  ];
  if (summary.onBehalfOfName) rows.push(['On behalf of', summary.onBehalfOfName]);
  const table = `<table>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
  const chain =
    summary.chain.length === 0
      ? ''
      : `<p><strong>Approvals so far</strong></p><ul>${summary.chain
          .map(
            (entry) =>
              `<li>${escapeHtml(entry.name)} ${entry.decision === 'approve' ? 'approved' : 'rejected'} via ${escapeHtml(entry.channel)} on ${escapeHtml(formatInstant(entry.at))}</li>`,
          )
          .join('')}</ul>`;
  return table + chain;
}

export function confirmPage(options: {
  decision: 'approve' | 'reject';
  summary: ApprovalRequestData;
  approverName: string;
  formToken: string;
  action: string;
  taskUrl: string;
  comment?: string;
  error?: string;
}): string {
  const approve = options.decision === 'approve';
  const title = approve ? 'Approve this request?' : 'Reject this request?';
  const error = options.error
    ? `<p class="notice bad" role="alert" id="comment-error">${escapeHtml(options.error)}</p>`
    : '';
  const body = `<h1>${escapeHtml(title)}</h1>
<p>You are deciding as <strong>${escapeHtml(options.approverName)}</strong>. Nothing is decided until you confirm below.</p>
${summaryHtml(options.summary)}
${error}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="form_token" value="${escapeHtml(options.formToken)}">
<label for="comment">${approve ? 'Comment (optional)' : 'Why do you reject it? (required)'}</label>
<textarea id="comment" name="comment" maxlength="2000"${approve ? '' : ' required'}${options.error ? ' aria-invalid="true" aria-describedby="comment-error"' : ''}>${escapeHtml(options.comment ?? '')}</textarea>
<div class="actions">
<button type="submit" class="${approve ? 'approve' : 'reject'}">${approve ? 'Confirm approval' : 'Confirm rejection'}</button>
<a href="${escapeHtml(options.taskUrl)}">Open the task in Baton instead</a>
</div>
</form>`;
  return documentOf(title, body);
}

export function decidedPage(options: { decision: 'approve' | 'reject'; summary: ApprovalRequestData; appUrl: string }): string {
  const verb = options.decision === 'approve' ? 'approved' : 'rejected';
  const body = `<h1>You ${verb} the request</h1>
<p class="notice good" role="status">Your decision was recorded. Thank you.</p>
${summaryHtml(options.summary)}
<p><a href="${escapeHtml(options.appUrl)}">Open Baton</a></p>`;
  return documentOf(`Request ${verb}`, body);
}

export function messagePage(options: {
  title: string;
  message: string;
  summary?: ApprovalRequestData | null;
  appUrl: string;
}): string {
  const body = `<h1>${escapeHtml(options.title)}</h1>
<p class="notice bad" role="alert">${escapeHtml(options.message)}</p>
${options.summary ? summaryHtml(options.summary) : ''}
<p><a href="${escapeHtml(options.appUrl)}">Open Baton</a></p>`;
  return documentOf(options.title, body);
}
