import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { processDefinitions } from '@/db/schema';
import type { Engine, InstanceView, StoredHistoryEvent, TaskView } from '@/engine';
import { AppError } from '@/lib/action';

export interface InstancePage {
  instance: Omit<InstanceView, 'state'>;
  processName: string;
  xml: string | null;
  history: StoredHistoryEvent[];
  /** Elements and flows the instance has been through (completed, or taken). */
  completedIds: string[];
  openTasks: TaskView[];
}

/** An instance as the operator's page shows it: diagram, path so far, history, variables, tasks. */
export async function getInstancePage(deps: { db: Database; engine: Engine }, instanceId: string): Promise<InstancePage> {
  const instance = await deps.engine.getInstance(instanceId);
  if (!instance) throw new AppError('not_found', 'There is no such instance.');
  const [history, openTasks, [definition]] = await Promise.all([
    deps.engine.history(instanceId),
    deps.engine.listTasks({ instanceId, status: 'open' }),
    deps.db
      .select({ xml: processDefinitions.xml, name: processDefinitions.name })
      .from(processDefinitions)
      .where(and(eq(processDefinitions.processId, instance.processId), eq(processDefinitions.version, instance.definitionVersion)))
      .limit(1),
  ]);
  const completed = new Set<string>();
  for (const event of history) {
    if ((event.type === 'ElementCompleted' || event.type === 'FlowTaken') && event.elementId) completed.add(event.elementId);
  }
  const { state: _state, ...view } = instance;
  return {
    instance: view,
    processName: definition?.name ?? instance.processId,
    xml: definition?.xml ?? null,
    history,
    completedIds: [...completed],
    openTasks,
  };
}
