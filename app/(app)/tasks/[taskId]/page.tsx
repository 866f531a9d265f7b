import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { InstanceDiagramLazy } from '@/components/instances/instance-diagram-lazy';
import { ApprovalChain } from '@/components/tasks/approval-chain';
import { CompleteTaskForm } from '@/components/tasks/complete-task-form';
import { DecisionPanel } from '@/components/tasks/decision-panel';
import { RelativeTime } from '@/components/tasks/relative-time';
import { TaskAssignment } from '@/components/tasks/task-assignment';
import { TaskComments } from '@/components/tasks/task-comments';
import { requireSection } from '@/lib/authz';
import { decisionSentence } from '@/lib/tasks/describe-decision';
import { claimAction, commentAction, completeAction, decideAction, reassignAction, unclaimAction } from './actions';
import { loadTaskPage } from './load-task-page';

export const metadata: Metadata = { title: 'Task' };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 truncate text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function TaskRoute({ params }: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await params;
  const page = await loadTaskPage(taskId);
  const user = await requireSection('inbox');
  const { task, instance, may, names } = page;
  const name = (email: string | null | undefined) => (email ? (names[email] ?? email) : '—');
  const details = task.details;
  const title =
    typeof task.variables['title'] === 'string' && task.variables['title'] !== ''
      ? task.variables['title']
      : (task.name ?? 'Task');
  const amount = typeof details['amount'] === 'string' ? details['amount'] : null;
  const requester = typeof details['requester'] === 'string' ? details['requester'] : instance.startedBy;
  const step = typeof details['step'] === 'number' ? details['step'] : null;
  const steps = typeof details['steps'] === 'number' ? details['steps'] : null;
  const onBehalfOf = typeof details['onBehalfOfName'] === 'string' ? details['onBehalfOfName'] : null;
  const reason = typeof details['reason'] === 'string' ? details['reason'] : null;
  const keyFields = page.fields.filter((field) => !['title', 'amount'].includes(field.key));

  return (
    <>
      <PageHeader
        back={{ href: '/inbox', label: 'Inbox' }}
        title={title}
        description={
          <>
            {task.name ?? 'Task'} · {page.processName}
            {page.approval && step !== null && (
              <> · step {step}{steps !== null ? ` of ${steps}` : ''}</>
            )}
          </>
        }
        actions={
          task.status === 'open' ? (
            <Badge tone="brand">Open</Badge>
          ) : (
            <Badge tone={task.status === 'cancelled' ? 'neutral' : 'green'}>
              {task.status === 'cancelled' ? 'Cancelled' : 'Decided'}
            </Badge>
          )
        }
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <section aria-labelledby="asked" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="asked" className="text-base font-semibold text-slate-900">
              What is asked
            </h2>
            <dl className="mt-4 grid gap-4 sm:grid-cols-3">
              <Field label="Requester">{name(requester)}</Field>
              {amount && <Field label="Amount">{amount}</Field>}
              <Field label="Requested">
                <RelativeTime at={instance.startedAt} />
              </Field>
              <Field label="Assignee">
                {task.assignee ? name(task.assignee) : `Group: ${task.candidateGroups.join(', ') || '—'}`}
              </Field>
              {onBehalfOf && <Field label="On behalf of">{onBehalfOf}</Field>}
              {task.dueDate && <Field label="Due">{task.dueDate}</Field>}
            </dl>
            {keyFields.length > 0 && (
              <dl className="mt-4 space-y-3 border-t border-slate-100 pt-4">
                {keyFields.map((field) => (
                  <div key={field.key}>
                    <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{field.key}</dt>
                    <dd className="mt-1 whitespace-pre-line text-sm text-slate-800">{field.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            {reason && <p className="mt-4 text-xs text-slate-500">Why you: {reason}</p>}
          </section>

          {page.decision && (
            <p role="status" className="rounded-2xl bg-slate-100 px-5 py-4 text-sm text-slate-800">
              {decisionSentence(
                { ...page.decision, by: page.decision.by ? name(page.decision.by) : null },
                { mine: page.decidedByMe },
              )}
            </p>
          )}

          {may.complete && page.approval && <DecisionPanel taskId={task.id} decide={decideAction} />}
          {may.complete && !page.approval && (
            <CompleteTaskForm taskId={task.id} schema={page.form} data={task.variables} complete={completeAction} />
          )}
          {task.status === 'open' && !may.complete && !may.claim && (
            <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">
              Waiting for {task.assignee ? name(task.assignee) : 'someone in the group to claim it'}. You can follow it here.
            </p>
          )}
          <TaskAssignment
            taskId={task.id}
            may={may}
            claim={claimAction}
            unclaim={unclaimAction}
            reassign={reassignAction}
            approval={page.approval}
          />
        </div>

        <div className="space-y-6">
          <ApprovalChain decisions={page.chain} names={names} />
          <TaskComments
            taskId={task.id}
            comments={page.comments}
            open={page.commentsOpen}
            me={{ email: user.email, name: user.name }}
            now={new Date().toISOString()}
            add={commentAction}
          />
          {page.xml && (
            <section aria-labelledby="where">
              <h2 id="where" className="mb-2 text-base font-semibold text-slate-900">
                Where the request is
              </h2>
              <InstanceDiagramLazy
                xml={page.xml}
                active={task.status === 'open' ? [task.elementId] : instance.activeElementIds}
                height={240}
                label={`Diagram of ${page.processName}, current step ${task.name ?? task.elementId} highlighted`}
              />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
