import Link from 'next/link';
import { asc, eq } from 'drizzle-orm';
import { employees, users } from '@/db/schema';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requireSection } from '@/lib/authz';
import { UserControls } from '../_components/user-controls';
import { updateUserAction } from './actions';
import { getDb } from '@/lib/db';

export const metadata = { title: 'Users' };

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

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Users"
        description="Accounts that can sign in. A role decides which sections a person may open."
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
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
