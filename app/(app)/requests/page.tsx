import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PlusIcon, ProcessIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { RelativeTime } from '@/components/tasks/relative-time';
import { requireSection } from '@/lib/authz';
import { mayOpen } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { listMyRequests } from '@/lib/requests/list-my-requests';
import type { RequestStatus } from '@/lib/requests/request-status';

export const metadata: Metadata = { title: 'My requests' };

const STATUS: Record<RequestStatus, { label: string; tone: 'neutral' | 'brand' | 'green' | 'amber' | 'red' }> = {
  waiting: { label: 'Waiting', tone: 'brand' },
  incident: { label: 'Incident', tone: 'amber' },
  approved: { label: 'Approved', tone: 'green' },
  rejected: { label: 'Rejected', tone: 'red' },
  completed: { label: 'Completed', tone: 'green' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export default async function MyRequestsPage() {
  const user = await requireSection('inbox');
  const requests = await listMyRequests(await getDb(), user.email);
  const operator = mayOpen('instances', user.role);
  return (
    <>
      <PageHeader
        title="My requests"
        description="Everything you started, newest first, and where each one stands."
        actions={
          <Link href="/requests/new" className={buttonClasses('primary')}>
            <PlusIcon className="size-4" />
            New request
          </Link>
        }
      />
      {requests.length === 0 ? (
        <EmptyState
          icon={ProcessIcon}
          title="You have not started any requests"
          action={
            <Link href="/requests/new" className={buttonClasses('secondary')}>
              Start a request
            </Link>
          }
        >
          <p>Start a purchase request or any other deployed process; you can follow it here.</p>
        </EmptyState>
      ) : (
        <Table
          caption="My requests"
          head={
            <>
              <Th>Request</Th>
              <Th align="right">Amount</Th>
              <Th>Status</Th>
              <Th>Started</Th>
            </>
          }
        >
          {requests.map((request) => {
            const status = STATUS[request.status];
            const label = request.title ?? request.processName;
            return (
              <tr key={request.id} data-testid="my-request">
                <Td>
                  {operator ? (
                    <Link href={`/instances/${request.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {label}
                    </Link>
                  ) : request.taskId ? (
                    <Link href={`/tasks/${request.taskId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {label}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{label}</span>
                  )}
                  <div className="mt-0.5 text-xs text-slate-500">{request.processName}</div>
                </Td>
                <Td align="right">{request.amount === null ? '—' : request.amount.toLocaleString('en-US')}</Td>
                <Td>
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {request.status === 'waiting' && request.waitingFor.length > 0 && (
                    <div className="mt-1 text-xs text-slate-500">for {request.waitingFor.join(', ')}</div>
                  )}
                  {request.incident && <div className="mt-1 max-w-sm text-xs text-amber-800">{request.incident}</div>}
                </Td>
                <Td>
                  <RelativeTime at={request.startedAt} />
                </Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
