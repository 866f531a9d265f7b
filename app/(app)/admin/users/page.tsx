import Link from 'next/link';
import { asc, desc, eq } from 'drizzle-orm';
import { employees, groupMembers, userChanges, users } from '@/db/schema';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requireSection } from '@/lib/authz';
import { formatInstant } from '../_components/audit-table';
import { UserControls } from '../_components/user-controls';
import { updateUserAction } from './actions';
import { getDb } from '@/lib/db';

export const metadata = { title: 'Users' };

/** How many of each account's latest changes the page shows; the audit log has them all. */
const HISTORY_SIZE = 10;

const FIELD_LABELS = { role: 'Role', active: 'Status', group: 'Group' } as const;

function describeChange(change: { field: 'role' | 'active' | 'group'; oldValue: string | null; newValue: string | null }): string {
  if (change.field === 'group') {
    return change.newValue ? `Added to ${change.newValue}` : `Removed from ${change.oldValue ?? 'a group'}`;
  }
  return `${FIELD_LABELS[change.field]}: ${change.oldValue ?? '—'} → ${change.newValue ?? '—'}`;
}

const ROLE_TONES = { admin: 'brand', designer: 'amber', member: 'neutral' } as const;

export default async function UsersPage() {
  const me = await requireSection('admin');
  const db = await getDb();
  const accounts = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      title: employees.title,
      personId: employees.id,
      personName: employees.name,
    })
    .from(users)
    .leftJoin(employees, eq(users.employeeId, employees.id))
    .orderBy(asc(users.name));
  const [memberships, changes] = await Promise.all([
    db.select().from(groupMembers).orderBy(asc(groupMembers.groupKey)),
    db.select().from(userChanges).orderBy(desc(userChanges.changedAt), desc(userChanges.id)).limit(2000),
  ]);
  const groupsOf = (userId: string) => memberships.filter((row) => row.userId === userId).map((row) => row.groupKey);
  const historyOf = (userId: string) => changes.filter((row) => row.userId === userId);

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Users"
        description="Accounts that can sign in. A role decides which sections a person may open; every change is kept in the audit log."
        actions={
          <Link href="/admin/groups" className="text-sm font-medium text-brand-700 hover:underline">
            Manage groups
          </Link>
        }
      />
      {accounts.length === 0 ? (
        <EmptyState icon={UsersIcon} title="No accounts yet">
          <p>
            Nobody can sign in until an account exists. Run the seed to create the demo accounts.
          </p>
        </EmptyState>
      ) : (
        <Table
          caption="Users"
          head={
            <>
              <Th>Name</Th>
              <Th>Person in the org chart</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>History</Th>
            </>
          }
        >
          {accounts.map((account) => (
            <tr key={account.id} className="hover:bg-slate-50/60">
              <Td>
                <div className="flex items-center gap-3">
                  <Avatar name={account.name} />
                  <div className="min-w-0">
                    <div className="font-medium text-slate-900">{account.name}</div>
                    <div className="truncate text-slate-500">{account.email}</div>
                  </div>
                </div>
              </Td>
              <Td>
                {account.personId ? (
                  <Link
                    href={`/admin/org/${account.personId}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {account.personName}
                  </Link>
                ) : (
                  <span className="text-slate-400">Not linked</span>
                )}
                {account.title && <span className="block text-slate-500">{account.title}</span>}
                {groupsOf(account.id).length > 0 && (
                  <span className="mt-1 flex flex-wrap gap-1" aria-label={`Groups of ${account.name}`}>
                    {groupsOf(account.id).map((key) => (
                      <Badge key={key} tone="brand">
                        {key}
                      </Badge>
                    ))}
                  </span>
                )}
              </Td>
              {account.id === me.id ? (
                <>
                  <Td>
                    <Badge tone={ROLE_TONES[account.role]}>{ROLE_LABELS[account.role]}</Badge>
                  </Td>
                  <Td>
                    <div className="flex items-center gap-3">
                      <Badge tone="green">Active</Badge>
                      <span className="text-xs text-slate-500">This is you</span>
                    </div>
                  </Td>
                </>
              ) : (
                <UserControls
                  userId={account.id}
                  name={account.name}
                  role={account.role}
                  active={account.active}
                  update={updateUserAction}
                />
              )}
              <Td>
                <AccountHistory name={account.name} entries={historyOf(account.id)} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function AccountHistory({
  name,
  entries,
}: {
  name: string;
  entries: { id: string; field: 'role' | 'active' | 'group'; oldValue: string | null; newValue: string | null; reason: string; changedByName: string; changedAt: Date }[];
}) {
  if (entries.length === 0) return <span className="text-xs text-slate-400">No changes</span>;
  return (
    <details className="group text-xs">
      <summary className="cursor-pointer font-medium whitespace-nowrap text-brand-700 hover:underline">
        {entries.length} {entries.length === 1 ? 'change' : 'changes'}
      </summary>
      <ol className="mt-2 w-60 space-y-2 whitespace-normal" aria-label={`Account history of ${name}`}>
        {entries.slice(0, HISTORY_SIZE).map((entry) => (
          <li key={entry.id} className="border-l-2 border-slate-200 pl-2">
            <div className="font-medium text-slate-800">{describeChange(entry)}</div>
            <div className="text-slate-500">
              {formatInstant(entry.changedAt)} by {entry.changedByName}
              {entry.reason ? ` — ${entry.reason}` : ''}
            </div>
          </li>
        ))}
      </ol>
      {entries.length > HISTORY_SIZE && (
        <Link href="/admin/audit?log=account" className="mt-2 inline-block text-brand-700 hover:underline">
          All changes in the audit log
        </Link>
      )}
    </details>
  );
}
