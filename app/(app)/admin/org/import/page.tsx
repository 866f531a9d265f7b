import { PageHeader } from '@/components/ui/page-header';
import { requireSection } from '@/lib/authz';
import { CsvImport } from '../../_components/csv-import';
import { importCsvAction } from '../actions';

export const metadata = { title: 'Import the org chart' };

export default async function ImportOrgPage() {
  await requireSection('admin');
  return (
    <>
      <PageHeader
        back={{ href: '/admin/org', label: 'Org chart' }}
        title="Import the org chart"
        description="Check a CSV file first: the dry run lists what would change for each row and every error, and changes nothing."
        actions={
          <a href="/admin/org/export" download className="text-sm font-medium text-brand-700 hover:underline">
            Download the current org chart as CSV
          </a>
        }
      />
      <CsvImport importCsv={importCsvAction} />
    </>
  );
}
