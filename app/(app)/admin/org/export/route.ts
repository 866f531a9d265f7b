import { z } from 'zod';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { exportOrgCsv } from '@/lib/org/export-org-csv';
import { withRole } from '@/lib/route';

/** The org chart as a CSV download, in the format the import reads back. Admins only (403 otherwise). */
export const GET = withRole(SECTION_ROLES.admin, z.object({}), async () => {
  const csv = await exportOrgCsv({ db: await getDb(), currency: env().BATON_CURRENCY });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="org-chart-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
