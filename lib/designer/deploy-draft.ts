import type { Database } from '@/db/client';
import { processDrafts } from '@/db/schema';
import type { DeployedDefinition, Engine, Problem } from '@/engine/api';
import { and, eq } from 'drizzle-orm';
import { DesignerError } from './designer-error';
import { validateDiagram } from './validate-diagram';

/**
 * Deploys the saved draft at the revision the designer is looking at as the
 * process's next version. A stale revision is a conflict; an invalid diagram
 * is refused with its problems and nothing is deployed.
 */
export async function deployDraft(
  db: Database,
  engine: Engine,
  input: { processId: string; revision: number; by: string },
): Promise<DeployedDefinition> {
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.processId, input.processId));
  if (!draft) throw new DesignerError('not_found', `There is no draft of "${input.processId}".`);
  if (draft.revision !== input.revision) {
    throw new DesignerError(
      'conflict',
      `${draft.updatedBy ?? 'Someone'} saved a newer revision (${draft.revision}) of this draft. Reload before deploying.`,
      { currentRevision: draft.revision, updatedBy: draft.updatedBy },
    );
  }
  const validation = await validateDiagram(draft.xml);
  if (!validation.ok) throw refused(validation.problems);

  let deployed: DeployedDefinition;
  try {
    deployed = await engine.deploy(draft.xml, { deployedBy: input.by });
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems;
    if (Array.isArray(problems)) throw refused(problems as Problem[]);
    throw error;
  }
  await db
    .update(processDrafts)
    .set({ deployedRevision: draft.revision })
    .where(and(eq(processDrafts.processId, input.processId), eq(processDrafts.revision, draft.revision)));
  return deployed;
}

function refused(problems: Problem[]): DesignerError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new DesignerError('invalid', `Not deployed: the diagram has ${count}.`, { problems });
}
