import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getMailboxMessage } from '@/lib/mail/list-mail';

export const metadata = { title: 'Mail · Baton' };

/**
 * One mail of the dev mailbox. The HTML part is shown in a sandboxed iframe
 * with no scripts and no same-origin access, so a mail's content can never act
 * as this admin; its links open in a new tab.
 */
export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('admin');
  const { id } = await params;
  const message = await getMailboxMessage(await getDb(), id);
  if (!message) notFound();
  const framed = message.html.replace(/<head>/i, '<head><base target="_blank">');
  return (
    <div className="space-y-6">
      <PageHeader title={message.subject} back={{ href: '/mailbox', label: 'Mailbox' }} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded-2xl border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <dt className="text-slate-500">From</dt>
        <dd>{message.from}</dd>
        <dt className="text-slate-500">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-slate-500">Received</dt>
        <dd>
          <time dateTime={message.receivedAt.toISOString()}>{message.receivedAt.toISOString()}</time>
        </dd>
        <dt className="text-slate-500">Message id</dt>
        <dd className="break-all font-mono text-xs">{message.messageId}</dd>
      </dl>
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-sm font-semibold text-slate-700">
          HTML part
        </h2>
        <iframe
          title={`HTML part of “${message.subject}”`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          srcDoc={framed}
          className="h-[640px] w-full rounded-2xl border border-slate-200 bg-white"
        />
      </section>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-sm font-semibold text-slate-700">
          Text part
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-2xl border border-slate-200 bg-slate-50 p-5 text-sm text-slate-800">
          {message.text}
        </pre>
      </section>
    </div>
  );
}
