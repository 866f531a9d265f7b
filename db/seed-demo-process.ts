import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { forms, processDefinitions, processDrafts } from '@/db/schema';
import { compile, createEngine, createPostgresStore } from '@/engine';

const demoFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');
export const DEMO_PROCESS_ID = 'purchase-request';
const DEMO_FORMS = ['purchase-request', 'purchase-approval'] as const;
const DEPLOYED_BY = 'Baton demo';

/**
 * Deploys the demo "Purchase request" process with its forms and an editable
 * draft, once: when the process already has a version (the demo's or one a
 * designer deployed since), nothing is touched, so a restart never adds versions.
 */
export async function seedDemoProcess(db: Database): Promise<void> {
  for (const formId of DEMO_FORMS) {
    const schema = JSON.parse(
      await readFile(path.join(demoFolder, `${formId}.form.json`), 'utf8'),
    ) as Record<string, unknown>;
    const name = formId === 'purchase-request' ? 'Purchase request' : 'Purchase approval';
    await db
      .insert(forms)
      .values({ formId, name, schema, createdBy: DEPLOYED_BY, updatedBy: DEPLOYED_BY })
      .onConflictDoNothing();
  }

  const xml = await readFile(path.join(demoFolder, `${DEMO_PROCESS_ID}.bpmn`), 'utf8');
  const compiled = await compile(xml);
  if (!compiled.ok) {
    const problems = compiled.problems.map((p) => `${p.elementId ?? 'diagram'}: ${p.message}`);
    throw new Error(`The demo process does not compile:\n${problems.join('\n')}`);
  }
  await db
    .insert(processDrafts)
    .values({
      processId: DEMO_PROCESS_ID,
      name: compiled.graph.name ?? DEMO_PROCESS_ID,
      xml,
      deployedRevision: 1,
      createdBy: DEPLOYED_BY,
      updatedBy: DEPLOYED_BY,
    })
    .onConflictDoNothing();

  const [deployed] = await db
    .select({ id: processDefinitions.id })
    .from(processDefinitions)
    .where(eq(processDefinitions.processId, DEMO_PROCESS_ID))
    .limit(1);
  if (deployed) return;
  await createEngine({ store: createPostgresStore(db) }).deploy(xml, { deployedBy: DEPLOYED_BY });
}
