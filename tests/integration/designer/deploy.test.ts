import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { processDefinitions } from '@/db/schema';
import type { DeployedDefinition, Engine } from '@/engine/api';
import { createDraft } from '@/lib/designer/create-draft';
import { deployDraft } from '@/lib/designer/deploy-draft';
import { DesignerError } from '@/lib/designer/designer-error';
import { listProcesses } from '@/lib/designer/list-processes';
import { listVersions } from '@/lib/designer/list-versions';
import { saveDraft } from '@/lib/designer/save-draft';
import { freshDatabase } from '../support/database';

let handle: DatabaseHandle;

/** An engine double that records deployments in the engine's table, as the real one does. */
function recordingEngine(): Engine {
  let version = 0;
  return {
    async deploy(xml: string, options?: { deployedBy?: string }): Promise<DeployedDefinition> {
      version += 1;
      const row = {
        id: `def-${version}`,
        processId: 'invoice',
        version,
        name: 'Invoice',
        xml,
        deployedBy: options?.deployedBy ?? null,
        deployedAt: new Date(),
      };
      await handle.db.insert(processDefinitions).values(row);
      return row;
    },
  } as Partial<Engine> as Engine;
}

beforeAll(async () => {
  handle = await freshDatabase();
  await createDraft(handle.db, { name: 'Invoice', processId: 'invoice', by: 'Dana Designer' });
});

afterAll(async () => {
  await handle.close();
});

describe('deploying a draft', () => {
  it('given a valid draft at the current revision, deploys version 1 and lists it as live', async () => {
    const deployed = await deployDraft(handle.db, recordingEngine(), { processId: 'invoice', revision: 1, by: 'Dana Designer' });
    expect(deployed.version).toBe(1);
    expect(await listVersions(handle.db, 'invoice')).toEqual([
      expect.objectContaining({ version: 1, live: true, deployedBy: 'Dana Designer', runningInstances: 0 }),
    ]);
    expect(await listProcesses(handle.db)).toEqual([
      expect.objectContaining({ processId: 'invoice', latestVersion: 1, draftState: 'deployed' }),
    ]);
  });

  it('when the draft was saved since, it is listed as changed, and deploying an older revision is a conflict', async () => {
    const [definition] = await handle.db.select().from(processDefinitions);
    await saveDraft(handle.db, { processId: 'invoice', baseRevision: 1, xml: definition!.xml, by: 'Dana Designer' });
    expect(await listProcesses(handle.db)).toEqual([expect.objectContaining({ draftState: 'changed' })]);
    const error = (await deployDraft(handle.db, recordingEngine(), { processId: 'invoice', revision: 1, by: 'x' }).catch(
      (cause: unknown) => cause,
    )) as DesignerError;
    expect(error).toBeInstanceOf(DesignerError);
    expect(error.status).toBe(409);
  });

  it('an invalid diagram is refused with its problems at the elements, and nothing is deployed', async () => {
    const [definition] = await handle.db.select().from(processDefinitions);
    // A receive task waits for a message the engine cannot deliver yet: it is not executable.
    const broken = definition!.xml.replaceAll('bpmn:userTask', 'bpmn:receiveTask');
    await saveDraft(handle.db, { processId: 'invoice', baseRevision: 2, xml: broken, by: 'Dana Designer' });
    const error = (await deployDraft(handle.db, recordingEngine(), { processId: 'invoice', revision: 3, by: 'x' }).catch(
      (cause: unknown) => cause,
    )) as DesignerError;
    expect(error).toBeInstanceOf(DesignerError);
    expect(error.status).toBe(422);
    expect(error.details.problems?.length).toBeGreaterThan(0);
    expect(error.details.problems).toContainEqual(expect.objectContaining({ elementId: 'Task_1' }));
    expect(await listVersions(handle.db, 'invoice')).toHaveLength(1);
  });
});
