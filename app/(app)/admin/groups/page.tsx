import { asc, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { listGroups } from '@/lib/groups/list-groups';
import { Panel } from '../_components/form-controls';
import { GroupForm } from '../_components/group-form';
import { GroupMembers } from '../_components/group-members';
import { addGroupMemberAction, createGroupAction, removeGroupMemberAction } from './actions';

export const metadata = { title: 'Groups' };

export default async function GroupsPage() {
  await requireSection('admin');
  const db = await getDb();
  const [groups, accounts] = await Promise.all([
    listGroups(db),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name)),
  ]);

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Groups"
        description="Queues that tasks are offered to. Only a group's members see its tasks and may claim and decide them; every role is a group too."
      />
      <div className="space-y-6">
        <Panel title="New group" description="An approval can fall back to a group with group:key; a user task offers itself with candidateGroups.">
          <GroupForm create={createGroupAction} />
        </Panel>
        {groups.length === 0 ? (
          <EmptyState icon={UsersIcon} title="No groups yet">
            <p>Create a group above, then add the people who should share its tasks.</p>
          </EmptyState>
        ) : (
          <ul className="grid gap-6 lg:grid-cols-2" aria-label="Groups">
            {groups.map((group) => (
              <li key={group.key} aria-label={group.name}>
                <Panel
                  title={group.name}
                  description={group.description || undefined}
                  actions={
                    <div className="flex shrink-0 items-center gap-2">
                      <Badge tone="brand">
                        <code>{group.key}</code>
                      </Badge>
                      <Badge tone={group.activeMembers > 0 ? 'green' : 'amber'}>
                        {group.members.length} {group.members.length === 1 ? 'member' : 'members'}
                      </Badge>
                    </div>
                  }
                >
                  <GroupMembers
                    groupKey={group.key}
                    groupName={group.name}
                    members={group.members}
                    accounts={accounts}
                    add={addGroupMemberAction}
                    remove={removeGroupMemberAction}
                  />
                </Panel>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
