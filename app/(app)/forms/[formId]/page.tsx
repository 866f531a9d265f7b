import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { DesignerError } from '@/lib/designer/designer-error';
import { getForm } from '@/lib/designer/get-form';
import { FormEditorPage } from './form-editor-page';

export const metadata = { title: 'Form' };

export default async function FormPage({ params }: { params: Promise<{ formId: string }> }) {
  await requireRole('admin', 'designer');
  const { formId } = await params;
  try {
    const form = await getForm(await getDb(), formId);
    return (
      <FormEditorPage
        formId={form.formId}
        name={form.name}
        schema={form.schema}
        revision={form.revision}
        updatedAt={form.updatedAt.toISOString()}
      />
    );
  } catch (error) {
    if (error instanceof DesignerError && error.status === 404) notFound();
    throw error;
  }
}
