import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createDraft } from '@/lib/designer/create-draft';
import { DesignerError } from '@/lib/designer/designer-error';
import { importDraft } from '@/lib/designer/import-draft';
import { listProcesses } from '@/lib/designer/list-processes';
import { openDraft } from '@/lib/designer/open-draft';
import { saveDraft } from '@/lib/designer/save-draft';
import { freshDatabase } from '../support/database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function refusal(promise: Promise<unknown>): Promise<DesignerError> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(DesignerError);
  return error as DesignerError;
}

describe('drafts', () => {
  it('given a new process, its draft holds the starter diagram at revision 1 and is listed as never deployed', async () => {
    const draft = await createDraft(handle.db, { name: 'Travel request', processId: 'travel', by: 'Dana Designer' });
    expect(draft).toMatchObject({ processId: 'travel', name: 'Travel request', revision: 1, deployedRevision: null });
    expect(draft.xml).toContain('<bpmn:process id="travel" name="Travel request" isExecutable="true">');
    const listed = await listProcesses(handle.db, 'travel');
    expect(listed).toEqual([
      expect.objectContaining({ processId: 'travel', draftState: 'new', latestVersion: null, changedBy: 'Dana Designer' }),
    ]);
  });

  it('each save based on the current revision stores the next one', async () => {
    const { xml } = await openDraft(handle.db, 'travel');
    const saved = await saveDraft(handle.db, {
      processId: 'travel',
      baseRevision: 1,
      xml: xml.replace('name="Travel request"', 'name="Business trip"'),
      by: 'Dana Designer',
    });
    expect(saved).toMatchObject({ revision: 2, name: 'Business trip' });
  });

  it('when a second tab saves on a stale revision, it is refused with 409 and nothing is overwritten', async () => {
    const { xml } = await openDraft(handle.db, 'travel');
    const error = await refusal(
      saveDraft(handle.db, { processId: 'travel', baseRevision: 1, xml: xml.replace('Business trip', 'Lost edit'), by: 'Other Tab' }),
    );
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ currentRevision: 2, updatedBy: 'Dana Designer' });
    expect(error.message).toMatch(/Dana Designer saved this draft after you opened it/);
    expect((await openDraft(handle.db, 'travel')).xml).toContain('Business trip');
  });

  it('refuses a save that changes the process id, the key of its versions', async () => {
    const { xml, revision } = await openDraft(handle.db, 'travel');
    const error = await refusal(
      saveDraft(handle.db, { processId: 'travel', baseRevision: revision, xml: xml.replaceAll('"travel"', '"trip"'), by: 'x' }),
    );
    expect(error.status).toBe(422);
  });

  it('an imported file becomes a draft under its own process id; importing it again asks before replacing', async () => {
    const { xml } = await openDraft(handle.db, 'travel');
    const imported = xml.replaceAll('"travel"', '"expenses"').replace('Business trip', 'Expenses');
    const draft = await importDraft(handle.db, { xml: imported, by: 'Dana Designer' });
    expect(draft).toMatchObject({ processId: 'expenses', name: 'Expenses', revision: 1 });

    const again = await refusal(importDraft(handle.db, { xml: imported, by: 'Dana Designer' }));
    expect(again.status).toBe(409);
    const replaced = await importDraft(handle.db, { xml: imported, by: 'Dana Designer', replace: true });
    expect(replaced.revision).toBe(2);
  });

  it('refuses a file that is not BPMN', async () => {
    const error = await refusal(importDraft(handle.db, { xml: '<html></html>', by: 'x' }));
    expect(error.status).toBe(422);
  });
});
