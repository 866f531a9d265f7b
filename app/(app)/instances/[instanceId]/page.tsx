import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelInstanceForm } from '@/components/instances/cancel-instance-form';
import { HistoryTimeline } from '@/components/instances/history-timeline';
import { IncidentRetry } from '@/components/instances/incident-retry';
import { InstanceDiagramLazy } from '@/components/instances/instance-diagram-lazy';
import { RelativeTime } from '@/components/tasks/relative-time';
import { TaskComments } from '@/components/tasks/task-comments';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { AppError } from '@/lib/action';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getEngine } from '@/lib/engine';
import { getInstancePage } from '@/lib/instances/get-instance-page';
import { acceptsComments } from '@/lib/tasks/add-task-comment';
import { listTaskComments } from '@/lib/tasks/list-task-comments';
import { cancelInstanceAction, retryIncidentAction } from './actions';

export const metadata: Metadata = { title: 'Instance' };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="mb-4 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function InstanceRoute({ params }: { params: Promise<{ instanceId: string }> }) {
  const user = await requireSection('instances');
  const { instanceId } = await params;
  const db = await getDb();
  const page = await getInstancePage({ db, engine: await getEngine() }, instanceId).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    },
  );
  const { instance } = page;
  const comments = await listTaskComments(db, { instanceId: instance.id });
  const variables = Object.entries(instance.variables);
  const status =
    instance.status === 'active'
      ? { label: 'Active', tone: 'brand' as const }
      : instance.status === 'completed'
        ? { label: 'Completed', tone: 'green' as const }
        : { label: 'Terminated', tone: 'neutral' as const };

  return (
    <>
      <PageHeader
        back={{ href: '/instances', label: 'Instances' }}
        title={page.processName}
        description={
          <>
            v{instance.definitionVersion} · <span className="font-mono text-sm">{instance.id}</span>
            {instance.businessKey && <> · key {instance.businessKey}</>} · started by {instance.startedBy ?? 'the system'}{' '}
            <RelativeTime at={instance.startedAt} />
          </>
        }
        actions={
          <>
            <Badge tone={status.tone}>{status.label}</Badge>
            {instance.incidents.length > 0 && <Badge tone="red">{instance.incidents.length} incident{instance.incidents.length === 1 ? '' : 's'}</Badge>}
            {instance.status === 'active' && <CancelInstanceForm instanceId={instance.id} cancel={cancelInstanceAction} />}
          </>
        }
      />

      <div className="space-y-6">
        {page.xml && (
          <InstanceDiagramLazy
            xml={page.xml}
            completed={page.completedIds}
            active={instance.activeElementIds}
            incidents={instance.incidents.map((incident) => ({ elementId: incident.elementId, message: incident.message }))}
            height={380}
            label={`Diagram of ${page.processName}: completed path in green, waiting steps in blue, incidents in red`}
          />
        )}

        {instance.incidents.length > 0 && (
          <Section id="incidents" title="Incidents">
            <ul className="space-y-4">
              {instance.incidents.map((incident) => (
                <IncidentRetry
                  key={incident.id}
                  instanceId={instance.id}
                  incident={incident}
                  retry={retryIncidentAction}
                />
              ))}
            </ul>
          </Section>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="history" title="History">
            <HistoryTimeline events={page.history} />
          </Section>
          <div className="space-y-6">
            {page.openTasks.length > 0 && (
              <Section id="tasks" title="Open tasks">
                <ul className="space-y-2 text-sm">
                  {page.openTasks.map((task) => (
                    <li key={task.id}>
                      <Link href={`/tasks/${task.id}`} className="font-medium text-brand-700 hover:underline">
                        {task.name ?? task.elementId}
                      </Link>{' '}
                      <span className="text-slate-500">
                        · {task.assignee ?? `group: ${task.candidateGroups.join(', ')}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <TaskComments
              taskId={null}
              comments={comments}
              open={acceptsComments(instance.status)}
              me={{ email: user.email, name: user.name }}
              now={new Date().toISOString()}
            />
            <Section id="variables" title="Current variables">
              {variables.length === 0 ? (
                <p className="text-sm text-slate-600">No variables.</p>
              ) : (
                <dl className="divide-y divide-slate-100 text-sm">
                  {variables.map(([key, value]) => (
                    <div key={key} className="grid grid-cols-[10rem_1fr] gap-3 py-2">
                      <dt className="truncate font-medium text-slate-700">{key}</dt>
                      <dd className="min-w-0 break-words font-mono text-xs text-slate-800">
                        {value !== null && typeof value === 'object' ? (
                          // Lists and records (an approval's steps, a form's rows) read best laid out.
                          <pre
                            tabIndex={0}
                            aria-label={`Value of ${key}`}
                            className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                          >
                            {JSON.stringify(value, null, 2)}
                          </pre>
                        ) : typeof value === 'string' ? (
                          value
                        ) : (
                          JSON.stringify(value)
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </Section>
          </div>
        </div>
      </div>
    </>
  );
}
