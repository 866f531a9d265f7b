/**
 * The org chart as the admin pages edit it: one row per person, limits in
 * integer minor units of the company currency (null = unlimited), delegation
 * as whole days (YYYY-MM-DD, the last day included).
 */
export interface OrgRow {
  id: string;
  name: string;
  email: string;
  title: string;
  managerId: string | null;
  limit: number | null;
  active: boolean;
  delegateId: string | null;
  delegateFrom: string | null;
  delegateUntil: string | null;
}

/** What an admin submits for one person, as text the way it was typed (the form or a CSV row). */
export interface PersonInput {
  name: string;
  email: string;
  title: string;
  managerId: string | null;
  /** In major units with at most the currency's decimals ("5000.00"), or "unlimited". */
  limit: string;
  active: boolean;
  delegateId: string | null;
  delegateFrom: string | null;
  delegateUntil: string | null;
}

/**
 * The audited fields, in the order they are shown. The key is what the audit
 * log stores in `field`, so it never changes once rows are written.
 */
export const ORG_FIELDS = {
  name: 'Name',
  email: 'Email',
  title: 'Title',
  manager: 'Manager',
  limit: 'Authority limit',
  active: 'Status',
  delegate: 'Delegate',
  delegate_from: 'Delegate from',
  delegate_until: 'Delegate until',
} as const;

export type OrgField = keyof typeof ORG_FIELDS;

/** Fields whose change must come with a reason: they decide who approves what. */
export const FIELDS_NEEDING_REASON: readonly OrgField[] = ['limit', 'manager'];

/** One audited change: old and new values as the audit log shows them. */
export interface FieldChange {
  field: OrgField;
  from: string | null;
  to: string | null;
}

/** A problem with one person's change, named by the form field it concerns. */
export interface FieldError {
  field: OrgField | 'reason' | 'row';
  message: string;
  /** The caller may not make this change at all (rather than a value being wrong). */
  forbidden?: boolean;
}
