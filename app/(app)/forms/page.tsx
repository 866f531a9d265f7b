import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ProcessIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireRole } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { listForms } from '@/lib/designer/list-forms';
import { NewFormButton } from './new-form-button';

export const metadata = { title: 'Forms' };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function FormsPage() {
  await requireRole('admin', 'designer');
  const forms = await listForms(await getDb());
  return (
    <>
      <PageHeader
        title="Forms"
        description="Forms people fill in at user tasks and when they start a process. Link one by its form id in the task's properties."
        back={{ href: '/processes', label: 'Processes' }}
        actions={<NewFormButton />}
      />
      {forms.length === 0 ? (
        <EmptyState icon={ProcessIcon} title="No forms yet">
          <p>Create a form, add fields by dragging them in, and link it from a user task or a start event.</p>
        </EmptyState>
      ) : (
        <Table
          caption="Forms"
          head={
            <>
              <Th>Name</Th>
              <Th>Form id</Th>
              <Th align="right">Revision</Th>
              <Th>Last change</Th>
            </>
          }
        >
          {forms.map((form) => (
            <tr key={form.formId} className="hover:bg-slate-50">
              <Td>
                <Link href={`/forms/${encodeURIComponent(form.formId)}`} className="font-medium text-brand-700 hover:underline">
                  {form.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{form.formId}</Td>
              <Td align="right">{form.revision}</Td>
              <Td>
                {dateFormat.format(form.updatedAt)}
                {form.updatedBy ? ` · ${form.updatedBy}` : ''}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
