/**
 * The columns of the org-chart CSV, in export order. People are matched by
 * email; managers and delegates are named by their email too, so a file can
 * be edited in a spreadsheet and imported back.
 */
export const ORG_CSV_COLUMNS = [
  'email',
  'name',
  'title',
  'manager_email',
  'limit',
  'active',
  'delegate_email',
  'delegate_from',
  'delegate_until',
] as const;

export type OrgCsvColumn = (typeof ORG_CSV_COLUMNS)[number];

/** Columns an import must have; the others keep each person's current value when left out. */
export const REQUIRED_CSV_COLUMNS: readonly OrgCsvColumn[] = ['email', 'name', 'manager_email', 'limit'];
