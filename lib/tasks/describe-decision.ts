import type { Engine, TaskView } from '@/engine';

export type DecisionChannel = 'inbox' | 'email' | 'api' | 'auto';

/** Who settled a task, how and when, as recorded by the engine. */
export interface TaskDecision {
  status: 'completed' | 'cancelled';
  /** The decider's email. */
  by: string | null;
  /** The decider's name from the org chart, when known. */
  byName?: string | null;
  channel: DecisionChannel | null;
  decision: 'approve' | 'reject' | null;
  at: Date | null;
}

/** How a task that is no longer open was settled, from the approval record or the history. */
export async function describeDecision(engine: Engine, task: TaskView): Promise<TaskDecision> {
  const status = task.status === 'cancelled' ? 'cancelled' : 'completed';
  const [decision] = await engine.listApprovalDecisions({ taskId: task.id });
  if (decision) {
    return {
      status,
      by: decision.approver.email,
      channel: decision.channel,
      decision: decision.decision,
      at: decision.decidedAt,
    };
  }
  const completed = (await engine.history(task.instanceId)).find(
    (event) =>
      event.type === 'TaskCompleted' &&
      (event.elementInstanceId === task.id || event.data?.['taskId'] === task.id),
  );
  const channel = completed?.data?.['channel'];
  return {
    status,
    by: task.completedBy ?? completed?.by ?? null,
    channel: typeof channel === 'string' ? (channel as DecisionChannel) : null,
    decision: null,
    at: task.completedAt ?? completed?.at ?? null,
  };
}

const CHANNEL_WORDS: Record<DecisionChannel, string> = {
  inbox: 'via inbox',
  email: 'via email',
  api: 'via the API',
  auto: 'automatically',
};

/**
 * "This task was already approved by sofia.marino@… (via inbox) at 23 Nov 2026, 12:40 UTC";
 * for the person who decided it, "You approved this task (via inbox) at …".
 */
export function decisionSentence(decision: TaskDecision, options: { mine?: boolean } = {}): string {
  if (decision.status === 'cancelled') return 'This task was cancelled; nothing more can be decided on it.';
  const verb =
    decision.decision === 'approve' ? 'approved' : decision.decision === 'reject' ? 'rejected' : 'completed';
  const how = decision.channel ? ` (${CHANNEL_WORDS[decision.channel]})` : '';
  const when = decision.at ? ` at ${formatInstant(decision.at)}` : '';
  if (options.mine) return `You ${verb} this task${how}${when}.`;
  const who = decision.byName || decision.by ? ` by ${decision.byName || decision.by}` : '';
  return `This task was already ${verb}${who}${how}${when}. Nothing was changed.`;
}

function formatInstant(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at) + ' UTC';
}
