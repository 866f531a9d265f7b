import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { authSecret, env } from '@/lib/env';
import { getEngine } from '@/lib/engine';
import { decideByLink } from '@/lib/approval-links/decide-by-link';
import { createFormToken, isSameOrigin, verifyFormToken } from '@/lib/approval-links/form-token';
import { isGuessing, recordLinkFailure } from '@/lib/approval-links/guess-limit';
import { inspectApprovalLink, type LinkState } from '@/lib/approval-links/inspect-approval-link';
import { hashLinkToken, isWellFormedLinkToken } from '@/lib/approval-links/token';
import { confirmPage, decidedPage, messagePage } from './render-page';
import { signedInEmail } from './signed-in-email';

/**
 * The page an approval mail's links open. GET and HEAD only show the request
 * and a confirmation form (mail scanners and link previews open links);
 * only the POST from that form decides.
 */
type Context = { params: Promise<{ token: string }> };

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function html(body: string, status: number): Response {
  return new Response(body, { status, headers: HEADERS });
}

function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}

function appUrl(): string {
  return `${env().baseUrl}/`;
}

const tooManyGuesses = () =>
  html(
    messagePage({
      title: 'Too many attempts',
      message: 'Too many invalid approval links were opened from your address. Wait a few minutes and try again.',
      appUrl: appUrl(),
    }),
    429,
  );

/** Unknown and tampered links are logged (never the token itself) and count towards the guessing limit. */
async function badLink(request: Request, token: string, state: Extract<LinkState, { status: 'malformed' | 'unknown' }>): Promise<Response> {
  const db = await getDb();
  const ip = clientAddress(request);
  await recordLinkFailure(db, ip, new Date());
  const fingerprint = createHash('sha256').update(token).digest('hex').slice(0, 12);
  console.warn(`approval link: ${state.status} token ${fingerprint} from ${ip}`);
  return state.status === 'malformed'
    ? html(messagePage({ title: 'This link is not valid', message: 'The link is damaged or incomplete. Use the link from your mail as it is.', appUrl: appUrl() }), 400)
    : html(messagePage({ title: 'Link not found', message: 'There is no such approval link.', appUrl: appUrl() }), 404);
}

function voidPage(state: Extract<LinkState, { status: 'void' }>): Response {
  return html(messagePage({ title: 'This link no longer works', message: state.message, summary: state.summary, appUrl: appUrl() }), 410);
}

function belongsToSomeoneElse(approverName: string): Response {
  return html(
    messagePage({
      title: 'This link is not yours',
      message: `This link belongs to ${approverName}. You are signed in as someone else, so it cannot decide anything here.`,
      appUrl: appUrl(),
    }),
    403,
  );
}

function taskUrl(taskId: string): string {
  return `${env().baseUrl}/tasks/${encodeURIComponent(taskId)}`;
}

export async function GET(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  const db = await getDb();
  const now = new Date();
  if (await isGuessing(db, clientAddress(request), now)) return tooManyGuesses();
  const state = await inspectApprovalLink(db, token, now);
  if (state.status === 'malformed' || state.status === 'unknown') return badLink(request, token, state);
  if (state.status === 'void') return voidPage(state);
  const viewer = await signedInEmail(db, request, authSecret());
  if (viewer && viewer !== state.link.approver) return belongsToSomeoneElse(state.approverName);
  return html(
    confirmPage({
      decision: state.link.decision,
      summary: state.summary,
      approverName: state.approverName,
      formToken: createFormToken(authSecret(), state.link.tokenHash, now),
      action: new URL(request.url).pathname,
      taskUrl: taskUrl(state.task.id),
    }),
    200,
  );
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  const response = await GET(request, context);
  return new Response(null, { status: response.status, headers: response.headers });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  const db = await getDb();
  const now = new Date();
  if (await isGuessing(db, clientAddress(request), now)) return tooManyGuesses();
  if (!isWellFormedLinkToken(token)) return badLink(request, token, { status: 'malformed' });

  const origins = [new URL(env().baseUrl).origin, new URL(request.url).origin];
  const form = await request.formData().catch(() => null);
  const formToken = form?.get('form_token');
  const comment = form?.get('comment');
  const forged =
    !isSameOrigin(request.headers, origins) ||
    typeof formToken !== 'string' ||
    !verifyFormToken(authSecret(), hashLinkToken(token), formToken, now);
  if (forged) {
    return html(
      messagePage({
        title: 'Please confirm again',
        message: 'This confirmation did not come from a current Baton page. Open the link from your mail again and confirm there.',
        appUrl: appUrl(),
      }),
      403,
    );
  }

  const outcome = await decideByLink(
    { db, engine: await getEngine() },
    {
      token,
      comment: typeof comment === 'string' ? comment.slice(0, 2000) : '',
      signedInEmail: await signedInEmail(db, request, authSecret()),
      now,
    },
  );
  switch (outcome.status) {
    case 'decided':
      return html(decidedPage({ decision: outcome.decision, summary: outcome.state.summary, appUrl: appUrl() }), 200);
    case 'invalid':
      return html(
        confirmPage({
          decision: outcome.state.link.decision,
          summary: outcome.state.summary,
          approverName: outcome.state.approverName,
          formToken: createFormToken(authSecret(), outcome.state.link.tokenHash, now),
          action: new URL(request.url).pathname,
          taskUrl: taskUrl(outcome.state.task.id),
          comment: typeof comment === 'string' ? comment : '',
          error: outcome.message,
        }),
        422,
      );
    case 'refused': {
      const { state } = outcome;
      if (state.status === 'malformed' || state.status === 'unknown') return badLink(request, token, state);
      if (outcome.notYours && state.status === 'open') return belongsToSomeoneElse(state.approverName);
      if (state.status === 'void') return voidPage(state);
      return html(messagePage({ title: 'Nothing was decided', message: outcome.message, summary: state.summary, appUrl: appUrl() }), outcome.httpStatus);
    }
  }
}
