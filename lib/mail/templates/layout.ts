import { escapeHtml } from '../escape';

/**
 * The frame every Baton mail shares: table layout and inline styles, because
 * mail clients ignore style sheets. Everything passed in as `body` is already
 * HTML; callers escape user content with escapeHtml before building it.
 */
export function htmlLayout(options: { preheader: string; heading: string; body: string; footer: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(options.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:#ffffff;border:1px solid #e4e4e7;border-radius:12px;">
<tr><td style="padding:24px 28px 8px;font-size:13px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#4f46e5;">Baton</td></tr>
<tr><td style="padding:0 28px;"><h1 style="margin:0 0 16px;font-size:20px;line-height:28px;">${escapeHtml(options.heading)}</h1></td></tr>
<tr><td style="padding:0 28px 24px;font-size:15px;line-height:22px;">${options.body}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e4e4e7;font-size:12px;line-height:18px;color:#71717a;">${options.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** A button-styled link; `href` is escaped here. */
export function button(label: string, href: string, tone: 'primary' | 'danger' | 'plain'): string {
  const colors = {
    primary: 'background:#16a34a;color:#ffffff;border:1px solid #16a34a;',
    danger: 'background:#dc2626;color:#ffffff;border:1px solid #dc2626;',
    plain: 'background:#ffffff;color:#3f3f46;border:1px solid #d4d4d8;',
  }[tone];
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:8px;font-weight:600;font-size:15px;text-decoration:none;${colors}">${escapeHtml(label)}</a>`;
}

/** A two-column summary table of label → value; both are escaped. */
export function summaryTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><td style="padding:6px 12px 6px 0;color:#71717a;white-space:nowrap;vertical-align:top;">${escapeHtml(label)}</td><td style="padding:6px 0;vertical-align:top;">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;margin:0 0 20px;border-collapse:collapse;font-size:14px;">${cells}</table>`;
}

/** The same summary as plain text, labels aligned. */
export function summaryText(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n');
}

/** "Mar 10, 2025, 12:00 UTC": mails are read anywhere, so the zone is spelled out. */
export function formatInstant(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return `${new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)} UTC`;
}
