import type { StoredHistoryEvent } from '@/engine';
import { RelativeTime } from '@/components/tasks/relative-time';

const WORDS: Partial<Record<StoredHistoryEvent['type'], string>> = {
  InstanceStarted: 'Instance started',
  InstanceCompleted: 'Instance completed',
  InstanceTerminated: 'Instance terminated',
  InstanceCancelled: 'Instance cancelled',
  ElementCompleted: 'Completed',
  TaskCreated: 'Task created',
  TaskCompleted: 'Task completed',
  TaskAssigned: 'Task assigned',
  IncidentRaised: 'Incident raised',
  IncidentResolved: 'Incident resolved',
  VariablesUpdated: 'Variables updated',
  ApprovalDecided: 'Approval decided',
  JobFailed: 'Job failed',
  TimerFired: 'Timer fired',
  MessageCorrelated: 'Message correlated',
  ErrorThrown: 'Error thrown',
};

function detail(event: StoredHistoryEvent): string | null {
  const data = event.data ?? {};
  const pick = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? (data[key]) : null);
  if (event.type === 'IncidentRaised') return pick('message');
  if (event.type === 'InstanceCancelled' || event.type === 'InstanceTerminated') return pick('reason');
  if (event.type === 'ApprovalDecided') {
    const decision = pick('decision');
    const comment = pick('comment');
    const channel = pick('channel');
    return [decision, channel && `via ${channel}`, comment && `“${comment}”`].filter(Boolean).join(' · ') || null;
  }
  if (event.type === 'TaskCompleted') return pick('decision');
  if (event.type === 'TaskAssigned') {
    const from = pick('from');
    const to = pick('to');
    const forWhom = pick('onBehalfOf');
    const move =
      pick('action') === 'claim'
        ? `claimed by ${to ?? 'someone'}`
        : pick('action') === 'unclaim'
          ? `${from ?? 'the assignee'} gave it back to the group`
          : `${from ?? 'the group'} → ${to ?? 'the group'}`;
    return forWhom ? `${move} (for ${forWhom})` : move;
  }
  return null;
}

/**
 * The instance's history as people read it: the noisy engine events (each
 * activation and flow) are left out; every completion, task, decision,
 * incident and cancellation is shown with who and when.
 */
export function HistoryTimeline({ events }: { events: readonly StoredHistoryEvent[] }) {
  const shown = events.filter((event) => WORDS[event.type] && !(event.type === 'ElementCompleted' && event.elementType === 'bpmn:SequenceFlow'));
  return (
    <ol className="space-y-3">
      {shown.map((event, index) => {
        const text = detail(event);
        const danger = event.type === 'IncidentRaised' || event.type === 'JobFailed';
        return (
          <li key={index} className="flex gap-3 text-sm">
            <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${danger ? 'bg-rose-600' : 'bg-slate-400'}`} />
            <div className="min-w-0">
              <p className="text-slate-900">
                {WORDS[event.type]}
                {event.elementId && <span className="text-slate-500"> · {event.elementId}</span>}
                {event.by && <span className="text-slate-500"> · {event.by}</span>}
              </p>
              {text && <p className={`mt-0.5 text-xs ${danger ? 'text-rose-700' : 'text-slate-600'}`}>{text}</p>}
              <p className="text-xs text-slate-400">
                <RelativeTime at={event.at} />
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
