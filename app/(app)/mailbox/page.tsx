import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { InboxIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireRole } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { listMailbox, listOutbox } from '@/lib/mail/list-mail';

export const metadata = { title: 'Mailbox · Baton' };

const STATUS_TONE = { sent: 'green', pending: 'amber', failed: 'red' } as const;

function when(at: Date) {
  return (
    <time dateTime={at.toISOString()} title={at.toISOString()}>
      {at.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
    </time>
  );
}

/**
 * The dev mailbox: with no SMTP server configured, every mail Baton sends
 * lands here, so approval links can be followed on a fresh clone. The outbox
 * below shows what is queued, retried or failed whichever transport is used.
 */
export default async function MailboxPage() {
  await requireRole('admin');
  const db = await getDb();
  const [messages, outbox] = await Promise.all([listMailbox(db), listOutbox(db)]);
  const smtp = Boolean(env().SMTP_URL);
  return (
    <div className="space-y-10">
      <PageHeader
        title="Mailbox"
        description={
          smtp
            ? 'Mail goes to the SMTP server in SMTP_URL. The outbox below shows every mail and its attempts.'
            : 'No SMTP server is configured (SMTP_URL), so mail is kept here instead of being sent.'
        }
      />
      <section aria-labelledby="mailbox-heading" className="space-y-4">
        <h2 id="mailbox-heading" className="text-lg font-semibold text-slate-900">
          Received here
        </h2>
        {messages.length === 0 ? (
          <EmptyState icon={InboxIcon} title="No mail yet">
            Mail appears here when a request needs an approver, a reminder is due or a request ends.
          </EmptyState>
        ) : (
          <Table
            caption="Mail kept in the dev mailbox"
            head={
              <>
                <Th>Subject</Th>
                <Th>To</Th>
                <Th>Received</Th>
              </>
            }
          >
            {messages.map((message) => (
              <tr key={message.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/mailbox/${message.id}`} className="font-medium text-brand-700 hover:underline">
                    {message.subject}
                  </Link>
                </Td>
                <Td>{message.to}</Td>
                <Td>{when(message.receivedAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="outbox-heading" className="space-y-4">
        <h2 id="outbox-heading" className="text-lg font-semibold text-slate-900">
          Outbox
        </h2>
        {outbox.length === 0 ? (
          <EmptyState icon={InboxIcon} title="The outbox is empty">
            Nothing has been queued for sending yet.
          </EmptyState>
        ) : (
          <Table
            caption="Every queued mail with its status"
            head={
              <>
                <Th>Kind</Th>
                <Th>To</Th>
                <Th>Status</Th>
                <Th align="right">Attempts</Th>
                <Th>Last error</Th>
                <Th>Queued</Th>
              </>
            }
          >
            {outbox.map((mail) => (
              <tr key={mail.id}>
                <Td>{mail.kind}</Td>
                <Td>{mail.to}</Td>
                <Td>
                  <Badge tone={STATUS_TONE[mail.status]}>{mail.status}</Badge>
                </Td>
                <Td align="right">{mail.attempts}</Td>
                <Td className="max-w-xs truncate">{mail.lastError ?? '—'}</Td>
                <Td>{when(mail.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
