import { z } from 'zod';
import { READER_ROLES } from '@/lib/designer/designer-roles';
import { listVersions } from '@/lib/designer/list-versions';
import { openDraft } from '@/lib/designer/open-draft';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

export const GET = withRole(READER_ROLES, z.object({}), async ({ params, user }) => {
  const processId = String(params.processId);
  const db = await getDb();
  const [draft, versions] = await Promise.all([openDraft(db, processId, user.name), listVersions(db, processId)]);
  return { draft, versions };
});
