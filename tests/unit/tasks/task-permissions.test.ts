import { describe, expect, it } from 'vitest';
import type { TaskView } from '@/engine';
import { taskPermissions } from '@/lib/tasks/task-permissions';

const task = (overrides: Partial<TaskView>): TaskView => ({
  id: 't1',
  instanceId: 'i1',
  processId: 'p',
  elementId: 'Review',
  name: 'Review',
  assignee: null,
  candidateUsers: [],
  candidateGroups: [],
  formKey: null,
  dueDate: null,
  status: 'open',
  createdAt: new Date(0),
  completedAt: null,
  completedBy: null,
  details: {},
  variables: {},
  ...overrides,
});

const mia = { email: 'mia@org.test', role: 'member' as const };
const admin = { email: 'root@org.test', role: 'admin' as const };
const none = { startedBy: null };

describe('who may do what with a task', () => {
  it('the assignee completes, gives back a group task and reassigns', () => {
    expect(taskPermissions(task({ assignee: 'mia@org.test', candidateGroups: ['member'] }), mia, none)).toMatchObject({
      complete: true,
      claim: false,
      unclaim: true,
      reassign: true,
      view: true,
    });
  });

  it('a candidate claims first and cannot complete before', () => {
    expect(taskPermissions(task({ candidateUsers: ['mia@org.test'] }), mia, none)).toMatchObject({ complete: false, claim: true });
    expect(taskPermissions(task({ candidateGroups: ['member'] }), mia, none)).toMatchObject({ complete: false, claim: true });
  });

  it('a stranger may neither see nor act; the requester may follow', () => {
    const other = task({ assignee: 'dana@org.test' });
    expect(taskPermissions(other, mia, none)).toEqual({ complete: false, claim: false, unclaim: false, reassign: false, view: false });
    expect(taskPermissions(other, mia, { startedBy: 'mia@org.test' }).view).toBe(true);
  });

  it('an admin or the assignee reassigns a user task or an approval; an admin completes neither', () => {
    expect(taskPermissions(task({ assignee: 'dana@org.test' }), admin, none)).toMatchObject({ reassign: true, complete: false, view: true });
    const approval = task({ assignee: 'dana@org.test', details: { approval: true } });
    expect(taskPermissions(approval, admin, none)).toMatchObject({ reassign: true, complete: false });
    expect(taskPermissions(approval, { email: 'dana@org.test', role: 'member' }, none)).toMatchObject({ reassign: true, complete: true });
    expect(taskPermissions(approval, mia, none).reassign).toBe(false);
  });

  it('nothing can be done to a task that is no longer open', () => {
    expect(taskPermissions(task({ assignee: 'mia@org.test', status: 'completed' }), mia, none)).toMatchObject({
      complete: false,
      unclaim: false,
      reassign: false,
      view: true,
    });
  });
});
