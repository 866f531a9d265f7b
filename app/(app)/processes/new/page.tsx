import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/authz';
import { ImportBpmn } from './import-bpmn';
import { NewProcessForm } from './new-process-form';

export const metadata = { title: 'New process' };

export default async function NewProcessPage() {
  await requireRole('admin', 'designer');
  return (
    <>
      <PageHeader
        title="New process"
        description="Start from a simple diagram (start → task → end) and shape it in the editor, or import a .bpmn file."
        back={{ href: '/processes', label: 'Processes' }}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Draw a new process</h2>
          <NewProcessForm />
        </section>
        <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-base font-semibold text-slate-900">Import a diagram</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            A BPMN 2.0 file from Baton, Camunda Modeler or another tool. You can also drop it anywhere on this page.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <ImportBpmn pageDrop />
          </div>
        </section>
      </div>
    </>
  );
}
