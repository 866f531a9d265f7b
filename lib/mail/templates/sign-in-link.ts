import { escapeHtml } from '../escape';
import { button, htmlLayout } from './layout';

export function renderSignInLink(options: { url: string; minutes: number }): {
  subject: string;
  html: string;
  text: string;
} {
  const html = htmlLayout({
    preheader: 'Your sign-in link for Baton.',
    heading: 'Sign in to Baton',
    body: `<p style="margin:0 0 16px;">Use this button to sign in. It works once, within ${options.minutes} minutes.</p>
<p style="margin:0 0 16px;">${button('Sign in', options.url, 'primary')}</p>
<p style="margin:0;font-size:13px;color:#52525b;">Or paste this address into your browser: ${escapeHtml(options.url)}</p>`,
    footer: 'If you did not ask to sign in, ignore this mail: nobody can sign in without the link.',
  });
  const text = `Sign in to Baton: ${options.url}

The link works once, within ${options.minutes} minutes. If you did not ask to sign in, ignore this mail.
`;
  return { subject: 'Your sign-in link for Baton', html, text };
}
