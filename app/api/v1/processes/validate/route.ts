import { z } from 'zod';
import { EDITOR_ROLES } from '@/lib/designer/designer-roles';
import { validateDiagram } from '@/lib/designer/validate-diagram';
import { withRole } from '@/lib/route';

export const POST = withRole(EDITOR_ROLES, z.object({ xml: z.string().min(1).max(5_000_000) }), ({ input }) =>
  validateDiagram(input.xml),
);
