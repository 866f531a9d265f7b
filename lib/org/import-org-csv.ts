import { randomUUID } from 'node:crypto';
import type { OrgActor } from './apply-org-change';
import { limitToText } from './limit-text';
import { loadOrgRows } from './load-org-rows';
import { ORG_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, type OrgCsvColumn } from './org-csv-columns';
import type { FieldChange, FieldError, OrgRow, PersonInput } from './org-person';
import { parseCsv } from './parse-csv';
import { planOrgChange, type OrgEdit, type OrgPlan } from './plan-org-change';
import { savePeople, type SavePeopleDeps } from './save-people';

export const CSV_IMPORT_REASON = 'CSV import';
const MAX_ROWS = 20_000;

export interface ImportRowReport {
  /** Line of the file (the header is line 1). */
  row: number;
  email: string;
  name: string;
  action: 'add' | 'update' | 'unchanged';
  changes: FieldChange[];
  errors: FieldError[];
}

export interface ImportReport {
  applied: boolean;
  /** Problems with the file as a whole (no header, a column missing, a broken quote). */
  fileErrors: string[];
  rows: ImportRowReport[];
  summary: { added: number; updated: number; unchanged: number; rowsWithErrors: number; changes: number };
  version: number | null;
  /** Open approval tasks that went back to their delegator because the import ended the delegation. */
  returnedTasks: number;
}

const ACTIVE_WORDS: Record<string, boolean> = {
  yes: true,
  true: true,
  '1': true,
  active: true,
  no: false,
  false: false,
  '0': false,
  inactive: false,
};

interface ParsedRow {
  line: number;
  edit: OrgEdit;
  errors: FieldError[];
}

function fileReport(fileErrors: string[]): ImportReport {
  return {
    applied: false,
    fileErrors,
    rows: [],
    summary: { added: 0, updated: 0, unchanged: 0, rowsWithErrors: 0, changes: 0 },
    version: null,
    returnedTasks: 0,
  };
}

/**
 * Turns the CSV into edits of the current org chart: people matched by email,
 * managers and delegates named by email (in the chart or earlier or later in
 * the file). Problems that only the file can have (an unknown manager email,
 * a duplicate row) are reported here; the rest is left to planOrgChange.
 */
function readRows(text: string, current: readonly OrgRow[], currency: string): { fileErrors: string[]; rows: ParsedRow[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { fileErrors: [`Line ${parsed.line}: ${parsed.message}`], rows: [] };
  const [header, ...records] = parsed.records;
  if (!header) return { fileErrors: ['The file is empty: it needs a header line and one line per person.'], rows: [] };
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => column && !(ORG_CSV_COLUMNS as readonly string[]).includes(column));
  const fileErrors: string[] = [];
  if (missing.length > 0) fileErrors.push(`The header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
  if (unknown.length > 0) fileErrors.push(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${ORG_CSV_COLUMNS.join(', ')}.`);
  if (records.length > MAX_ROWS) fileErrors.push(`The file has ${records.length} rows; import at most ${MAX_ROWS} at a time.`);
  if (fileErrors.length > 0) return { fileErrors, rows: [] };

  const byEmail = new Map(current.map((person) => [person.email.toLowerCase(), person]));
  const idByEmail = new Map(current.map((person) => [person.email.toLowerCase(), person.id]));
  const cells = records.map((record) => {
    const get = (column: OrgCsvColumn): string | undefined => {
      const index = columns.indexOf(column);
      return index < 0 ? undefined : (record.fields[index] ?? '').trim();
    };
    return { record, get };
  });
  // Ids for new people first, so any row may name a person added further down as manager or delegate.
  const seen = new Map<string, number>();
  for (const { get } of cells) {
    const email = get('email')?.toLowerCase() ?? '';
    if (email && !idByEmail.has(email)) idByEmail.set(email, randomUUID());
  }

  const rows = cells.map(({ record, get }): ParsedRow => {
    const errors: FieldError[] = [];
    const email = get('email')?.toLowerCase() ?? '';
    const existing = byEmail.get(email) ?? null;
    if (!email) errors.push({ field: 'email', message: 'Enter the person’s email; people are matched by it.' });
    const firstLine = seen.get(email);
    if (email && firstLine !== undefined) {
      errors.push({ field: 'email', message: `${email} is already on line ${firstLine}; each person may appear once.` });
    } else if (email) {
      seen.set(email, record.line);
    }
    if (record.fields.length > columns.length) {
      errors.push({ field: 'row', message: `The line has ${record.fields.length} fields but the header has ${columns.length}; quote fields that contain commas.` });
    }

    const reference = (column: 'manager_email' | 'delegate_email', field: 'manager' | 'delegate', keep: string | null): string | null => {
      const value = get(column);
      if (value === undefined) return keep;
      if (value === '') return null;
      const id = idByEmail.get(value.toLowerCase());
      if (!id) {
        errors.push({ field, message: `Nobody with the email ${value} is in the org chart or in this file.` });
        return keep;
      }
      return id;
    };
    const activeText = get('active');
    let active = existing?.active ?? true;
    if (activeText !== undefined && activeText !== '') {
      const word = ACTIVE_WORDS[activeText.toLowerCase()];
      if (word === undefined) errors.push({ field: 'active', message: `“${activeText}” is not a status: write yes or no.` });
      else active = word;
    }
    const input: PersonInput = {
      name: get('name') ?? '',
      email,
      title: get('title') ?? existing?.title ?? '',
      managerId: reference('manager_email', 'manager', existing?.managerId ?? null),
      limit: get('limit') ?? (existing ? limitToText(existing.limit, currency) : ''),
      active,
      delegateId: reference('delegate_email', 'delegate', existing?.delegateId ?? null),
      delegateFrom: get('delegate_from') ?? existing?.delegateFrom ?? null,
      delegateUntil: get('delegate_until') ?? existing?.delegateUntil ?? null,
    };
    return {
      line: record.line,
      edit: { id: existing?.id ?? idByEmail.get(email) ?? randomUUID(), isNew: !existing, input },
      errors,
    };
  });
  return { fileErrors: [], rows };
}

function report(rows: ParsedRow[], plan: OrgPlan, applied: boolean, version: number | null): ImportReport {
  const rowReports = rows.map((row, index): ImportRowReport => {
    const planned = plan.edits[index];
    const errors = [...row.errors];
    for (const error of planned?.errors ?? []) {
      if (!errors.some((known) => known.field === error.field)) errors.push(error);
    }
    const changes = (planned?.changes ?? []).filter((change) => !errors.some((error) => error.field === change.field));
    return {
      row: row.line,
      email: row.edit.input.email,
      name: row.edit.input.name.trim(),
      // A row with errors asks for a change that cannot be made, so it never counts as unchanged.
      action: row.edit.isNew ? 'add' : changes.length > 0 || errors.length > 0 ? 'update' : 'unchanged',
      changes,
      errors,
    };
  });
  return {
    applied,
    fileErrors: [],
    rows: rowReports,
    summary: {
      added: rowReports.filter((row) => row.action === 'add').length,
      updated: rowReports.filter((row) => row.action === 'update').length,
      unchanged: rowReports.filter((row) => row.action === 'unchanged').length,
      rowsWithErrors: rowReports.filter((row) => row.errors.length > 0).length,
      changes: rowReports.reduce((sum, row) => sum + row.changes.length, 0),
    },
    version,
    returnedTasks: 0,
  };
}

/**
 * Imports the org chart from CSV. A dry run reports, per row, what would
 * change and every error (with its line and field) and writes nothing. Apply
 * re-checks everything inside one transaction and writes all rows or none,
 * audited with the reason "CSV import". People missing from the file are left
 * as they are; to take someone out, import them with active = no. With the
 * engine in `deps`, tasks of delegations the import ended go back to their
 * delegators once it is written.
 */
export async function importOrgCsv(
  deps: SavePeopleDeps,
  input: { csv: string; apply: boolean; actor: OrgActor & { employeeId: string | null } },
): Promise<ImportReport> {
  const current = await loadOrgRows(deps.db);
  const { fileErrors, rows } = readRows(input.csv, current, deps.currency);
  if (fileErrors.length > 0) return fileReport(fileErrors);
  if (rows.length === 0) return fileReport(['The file has a header but no people.']);
  const plan = planOrgChange(
    current,
    rows.map((row) => row.edit),
    { currency: deps.currency, actorEmployeeId: input.actor.employeeId, reason: CSV_IMPORT_REASON },
  );
  const dryRun = report(rows, plan, false, null);
  if (!input.apply || dryRun.summary.rowsWithErrors > 0) return dryRun;

  const saved = await savePeople(deps, {
    actor: input.actor,
    edits: rows.map((row) => row.edit),
    reason: CSV_IMPORT_REASON,
  });
  return { ...report(rows, saved.plan, saved.plan.valid, saved.version), returnedTasks: saved.returned.length };
}
