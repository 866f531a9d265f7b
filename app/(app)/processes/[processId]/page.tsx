import { notFound } from 'next/navigation';
import { capabilities, ignoredTypes } from '@/engine/capabilities';
import { kindsFromEngine } from '@/components/bpmn/modules/capabilities/kinds-from-engine';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { DesignerError } from '@/lib/designer/designer-error';
import { mayEditProcesses } from '@/lib/designer/designer-roles';
import { getProcessView } from '@/lib/designer/get-process-view';
import { listForms } from '@/lib/designer/list-forms';
import { listVersions } from '@/lib/designer/list-versions';
import { openDraft } from '@/lib/designer/open-draft';
import { ProcessEditor } from './process-editor';
import { ProcessReader } from './process-reader';

export const metadata = { title: 'Process' };

const kinds = kindsFromEngine(capabilities, ignoredTypes);

export default async function ProcessPage({ params }: { params: Promise<{ processId: string }> }) {
  const user = await requireSection('processes');
  const { processId } = await params;
  const db = await getDb();
  try {
    const versions = (await listVersions(db, processId)).map((v) => ({
      ...v,
      deployedAt: v.deployedAt.toISOString(),
    }));
    if (!mayEditProcesses(user.role)) {
      const view = await getProcessView(db, processId);
      return <ProcessReader view={view} versions={versions} />;
    }
    const draft = await openDraft(db, processId, user.name);
    const forms = (await listForms(db)).map(({ formId, name }) => ({ formId, name }));
    return (
      <ProcessEditor
        processId={draft.processId}
        name={draft.name}
        xml={draft.xml}
        revision={draft.revision}
        deployedRevision={draft.deployedRevision}
        updatedBy={draft.updatedBy}
        updatedAt={draft.updatedAt.toISOString()}
        versions={versions}
        capabilities={kinds}
        forms={forms}
      />
    );
  } catch (error) {
    if (error instanceof DesignerError && error.status === 404) notFound();
    throw error;
  }
}
