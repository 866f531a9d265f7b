import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';
import { inboxQuerySchema, listInbox } from '@/lib/tasks/list-inbox';

/** GET /api/v1/tasks — the caller's inbox, with the same filters, sort and pages as /inbox. */
export const GET = withRole(SECTION_ROLES.inbox, inboxQuerySchema, async ({ input, user }) =>
  listInbox(await getDb(), user, input),
);
