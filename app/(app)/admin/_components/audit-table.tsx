import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { ORG_FIELDS } from '@/lib/org/org-person';
import { ACCOUNT_FIELDS, type AuditEntry } from '@/lib/org/list-audit';

export function fieldLabel(field: string): string {
  return (
    (ORG_FIELDS as Record<string, string>)[field] ??
    (ACCOUNT_FIELDS as Record<string, string>)[field] ??
    field
  );
}

/** "2026-11-23 14:05 UTC": the same on every screen, whatever the server's zone. */
export function formatInstant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Audit entries, newest first, as the audit page and a person's history show them. */
export function AuditTable({
  entries,
  showPerson = true,
}: {
  entries: AuditEntry[];
  showPerson?: boolean;
}) {
  return (
    <Table
      caption="Changes"
      head={
        <>
          <Th>When</Th>
          {showPerson ? <Th>Person</Th> : null}
          <Th>Field</Th>
          <Th>Change</Th>
          <Th>By</Th>
          <Th>Reason</Th>
        </>
      }
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <Td className="whitespace-nowrap text-slate-500">
            <time dateTime={entry.changedAt.toISOString()}>{formatInstant(entry.changedAt)}</time>
          </Td>
          {showPerson ? (
            <Td>
              <a
                href={
                  entry.log === 'account' ? '/admin/users' : `/admin/org/${entry.employeeId ?? ''}`
                }
                className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {entry.person}
              </a>
            </Td>
          ) : null}
          <Td className="whitespace-nowrap font-medium text-slate-900">
            <span className="flex items-center gap-2">
              {fieldLabel(entry.field)}
              <Badge tone={entry.log === 'account' ? 'amber' : 'neutral'}>
                {entry.log === 'account' ? 'Account' : 'Org chart'}
              </Badge>
            </span>
          </Td>
          <Td>
            {entry.field === 'account.group' ? (
              <span className="font-medium text-slate-900">
                {entry.newValue
                  ? `Added to ${entry.newValue}`
                  : `Removed from ${entry.oldValue ?? 'a group'}`}
              </span>
            ) : (
              <>
                <span className="text-slate-500 line-through decoration-slate-300">
                  {entry.oldValue ?? '—'}
                </span>
                <span aria-hidden="true" className="px-1.5 text-slate-400">
                  →
                </span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium text-slate-900">{entry.newValue ?? '—'}</span>
              </>
            )}
          </Td>
          <Td className="whitespace-nowrap">{entry.changedBy}</Td>
          <Td>{entry.reason || <span className="text-slate-400">—</span>}</Td>
        </tr>
      ))}
    </Table>
  );
}
