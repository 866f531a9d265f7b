'use client';

import { useId, useState, useTransition, type ChangeEvent } from 'react';
import { ActionMessage } from '@/components/tasks/action-message';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import type { ActionResult, ErrorBody } from '@/lib/action';
import type { ImportReport } from '@/lib/org/import-org-csv';
import { ORG_FIELDS } from '@/lib/org/org-person';
import { inputClasses } from './form-controls';

const ACTION_BADGE = {
  add: <Badge tone="brand">Add</Badge>,
  update: <Badge tone="amber">Update</Badge>,
  unchanged: <Badge>No change</Badge>,
} as const;

function fieldName(field: string): string {
  if (field === 'row') return 'Row';
  if (field === 'reason') return 'Reason';
  return (ORG_FIELDS as Record<string, string>)[field] ?? field;
}

/**
 * Paste or choose a CSV file, check it (a dry run that writes nothing), then
 * apply it. Apply stays disabled until the text checked is the text applied
 * and the check found no errors, and the server checks everything again.
 */
export function CsvImport({
  importCsv,
}: {
  importCsv: (input: { csv: string; apply: boolean }) => Promise<ActionResult<ImportReport>>;
}) {
  const textId = useId();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setReport(null);
    setChecked(null);
  }

  function run(apply: boolean) {
    setError(null);
    const text = csv;
    startTransition(async () => {
      const result = await importCsv({ csv: text, apply });
      if (!result.ok) {
        setError(result.error);
        setReport(null);
        return;
      }
      setReport(result.data);
      setChecked(text);
    });
  }

  const canApply =
    report !== null &&
    !report.applied &&
    checked === csv &&
    report.fileErrors.length === 0 &&
    report.summary.rowsWithErrors === 0 &&
    report.summary.changes > 0;
  const withChanges = report?.rows.filter((row) => row.action !== 'unchanged' || row.errors.length > 0) ?? [];

  return (
    <div className="space-y-6">
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby={`${textId}-title`}>
        <h2 id={`${textId}-title`} className="text-base font-semibold text-slate-900">
          1. Choose the file
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Columns: <code className="rounded bg-slate-100 px-1">email, name, title, manager_email, limit, active, delegate_email, delegate_from, delegate_until</code>.
          People are matched by email; a limit is in the company currency or <code className="rounded bg-slate-100 px-1">unlimited</code>;
          active is yes or no. People missing from the file stay as they are. Start from an export to get the format right.
        </p>
        <div className="mt-4 grid gap-4">
          <div>
            <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
              CSV file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => void readFile(event)}
              className="mt-1.5 block text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100"
            />
          </div>
          <div>
            <label htmlFor={textId} className="block text-sm font-medium text-slate-800">
              CSV text
            </label>
            <textarea
              id={textId}
              rows={8}
              value={csv}
              spellCheck={false}
              onChange={(event) => setCsv(event.target.value)}
              placeholder={'email,name,title,manager_email,limit,active\nsam.patel@baton.example,Sam Patel,Buyer,sofia.marino@baton.example,250,yes'}
              className={inputClasses(false, 'mt-1.5 font-mono text-xs')}
            />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="button" className={buttonClasses('secondary')} disabled={pending || csv.trim() === ''} onClick={() => run(false)}>
            {pending ? 'Checking…' : 'Check (dry run)'}
          </button>
          <button type="button" className={buttonClasses('primary')} disabled={pending || !canApply} onClick={() => run(true)}>
            Apply import
          </button>
          <span className="text-xs text-slate-500">A dry run changes nothing. Apply writes every row or none.</span>
        </div>
        <div className="mt-4" aria-live="polite">
          <ActionMessage error={error} />
        </div>
      </section>

      {report && (
        <section aria-labelledby={`${textId}-report`} className="space-y-4">
          <h2 id={`${textId}-report`} className="text-base font-semibold text-slate-900">
            {report.applied ? 'Import applied' : '2. Dry-run report'}
          </h2>
          <div aria-live="polite">
            {report.fileErrors.length > 0 ? (
              <div role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-600/20">
                <p className="font-medium">The file cannot be read:</p>
                <ul className="mt-1 list-disc pl-5">
                  {report.fileErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              </div>
            ) : report.applied ? (
              <ActionMessage
                success={`Imported: ${report.summary.added} added, ${report.summary.updated} updated, ${report.summary.changes} changes recorded in the audit log with the reason “CSV import”.${report.returnedTasks > 0 ? ` ${report.returnedTasks === 1 ? '1 open approval task went' : `${report.returnedTasks} open approval tasks went`} back to the delegator because a delegation ended.` : ''}`}
              />
            ) : report.summary.rowsWithErrors > 0 ? (
              <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-600/20">
                {report.summary.rowsWithErrors === 1 ? '1 row has errors' : `${report.summary.rowsWithErrors} rows have errors`}. Nothing was
                changed. Fix the file and check it again.
              </p>
            ) : report.summary.changes === 0 ? (
              <ActionMessage success="The file matches the org chart: nothing would change." />
            ) : (
              <ActionMessage
                success={`No errors. Applying would add ${report.summary.added} and update ${report.summary.updated} ${report.summary.updated === 1 ? 'person' : 'people'} (${report.summary.changes} field changes).`}
              />
            )}
          </div>
          {report.rows.length > 0 && (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(
                [
                  ['To add', report.summary.added],
                  ['To update', report.summary.updated],
                  ['Unchanged', report.summary.unchanged],
                  ['Rows with errors', report.summary.rowsWithErrors],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
                  <dt className="text-xs font-medium text-slate-500">{label}</dt>
                  <dd className={`mt-1 text-xl font-semibold tabular-nums ${label === 'Rows with errors' && value > 0 ? 'text-rose-700' : 'text-slate-900'}`}>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {withChanges.length > 0 && (
            <Table
              caption="Rows of the import"
              head={
                <>
                  <Th>Row</Th>
                  <Th>Person</Th>
                  <Th>Action</Th>
                  <Th>What would change</Th>
                  <Th>Errors</Th>
                </>
              }
            >
              {withChanges.map((row) => (
                <tr key={row.row} className={row.errors.length > 0 ? 'bg-rose-50/40' : undefined}>
                  <Td className="tabular-nums text-slate-500">{row.row}</Td>
                  <Td>
                    <div className="font-medium text-slate-900">{row.name || '—'}</div>
                    <div className="text-slate-500">{row.email || '—'}</div>
                  </Td>
                  <Td>{ACTION_BADGE[row.action]}</Td>
                  <Td>
                    {row.changes.length === 0 ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {row.changes.map((change) => (
                          <li key={change.field}>
                            <span className="font-medium text-slate-900">{fieldName(change.field)}</span>: {change.from ?? '—'} → {change.to ?? '—'}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                  <Td>
                    {row.errors.length === 0 ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <ul className="space-y-0.5 text-rose-800">
                        {row.errors.map((rowError) => (
                          <li key={`${rowError.field}-${rowError.message}`}>
                            <span className="font-medium">{fieldName(rowError.field)}</span>: {rowError.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      )}
    </div>
  );
}
