import { GET, HEAD, POST } from '@/app/approve/[token]/route';
import { BASE_URL } from './mail-world';

const contextOf = (link: string) => ({ params: Promise.resolve({ token: new URL(link).pathname.split('/').pop()! }) });

/** Opens an approval link as a browser (or a mail scanner) would. */
export async function openLink(link: string, options: { cookie?: string; method?: 'GET' | 'HEAD'; ip?: string } = {}) {
  const headers = new Headers({ 'x-forwarded-for': options.ip ?? '203.0.113.7' });
  if (options.cookie) headers.set('cookie', options.cookie);
  const request = new Request(link, { method: options.method ?? 'GET', headers });
  const response = await (options.method === 'HEAD' ? HEAD : GET)(request, contextOf(link));
  return { response, html: await response.text() };
}

export function formTokenIn(html: string): string {
  const match = /name="form_token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('Expected the page to have a confirmation form, but it has none');
  return match[1];
}

/** Opens the link, then submits its confirmation form with the comment. */
export async function confirmLink(
  link: string,
  options: { comment?: string; cookie?: string; origin?: string | null; formToken?: string } = {},
) {
  const formToken = options.formToken ?? formTokenIn((await openLink(link, { cookie: options.cookie })).html);
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.7' });
  if (options.origin !== null) headers.set('origin', options.origin ?? BASE_URL);
  if (options.cookie) headers.set('cookie', options.cookie);
  const body = new URLSearchParams({ form_token: formToken, comment: options.comment ?? '' });
  const response = await POST(new Request(link, { method: 'POST', headers, body }), contextOf(link));
  return { response, html: await response.text() };
}
