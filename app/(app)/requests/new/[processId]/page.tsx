import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { AppError } from '@/lib/action';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getStartForm } from '@/lib/requests/get-start-form';
import { startRequestAction } from '../actions';
import { StartRequestForm } from './start-request-form';

export const metadata: Metadata = { title: 'New request' };

export default async function StartProcessPage({ params }: { params: Promise<{ processId: string }> }) {
  await requireSection('inbox');
  const { processId } = await params;
  const form = await getStartForm(await getDb(), decodeURIComponent(processId)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <>
      <PageHeader back={{ href: '/requests/new', label: 'New request' }} title={form.name} description="Fill in the request; it starts as soon as you submit it." />
      <div className="max-w-2xl">
        <StartRequestForm
          processId={form.processId}
          schema={form.schema}
          missingForm={form.formId !== null && form.schema === null ? form.formId : null}
          start={startRequestAction}
        />
      </div>
    </>
  );
}
