import { z } from 'zod';
import { READER_ROLES } from '@/lib/designer/designer-roles';
import { getVersionXml } from '@/lib/designer/get-version-xml';
import { getProcessView } from '@/lib/designer/get-process-view';
import { getDb } from '@/lib/db';
import { withRole } from '@/lib/route';

/** The .bpmn file of one deployed version, or of the draft (else the live version) when no version is named. */
export const GET = withRole(
  READER_ROLES,
  z.object({ version: z.coerce.number().int().positive().optional() }),
  async ({ input, params }) => {
    const processId = String(params.processId);
    const db = await getDb();
    const xml =
      input.version === undefined
        ? (await getProcessView(db, processId, { prefer: 'draft' })).xml
        : await getVersionXml(db, processId, input.version);
    const suffix = input.version === undefined ? 'draft' : `v${input.version}`;
    return new Response(xml, {
      headers: {
        'content-type': 'application/bpmn+xml; charset=utf-8',
        'content-disposition': `attachment; filename="${processId}-${suffix}.bpmn"`,
        'cache-control': 'no-store',
      },
    });
  },
);
