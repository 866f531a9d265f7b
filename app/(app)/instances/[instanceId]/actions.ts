'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Json } from '@/engine';
import { AppError, withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getEngine } from '@/lib/engine';
import { cancelInstance } from '@/lib/instances/cancel-instance';
import { retryIncident } from '@/lib/instances/retry-incident';

const instanceId = z.string().min(1).max(100);

/** Variables as the operator typed them: a JSON object, e.g. {"amount": 250}. */
function parseVariables(text: string | undefined): Record<string, Json> | undefined {
  if (!text || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'Variables must be a JSON object, e.g. {"amount": 250}.', 'variables');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('invalid', 'Variables must be a JSON object, e.g. {"amount": 250}.', 'variables');
  }
  return parsed as Record<string, Json>;
}

export const retryIncidentAction = withRole(
  SECTION_ROLES.instances,
  z.object({ instanceId, incidentId: z.string().min(1).max(100), variables: z.string().max(20_000).optional() }),
  async (input, { user }) => {
    const variables = parseVariables(input.variables);
    await retryIncident(await getEngine(), {
      instanceId: input.instanceId,
      incidentId: input.incidentId,
      by: user.email,
      ...(variables ? { variables } : {}),
    });
    revalidatePath(`/instances/${input.instanceId}`);
    return null;
  },
);

export const cancelInstanceAction = withRole(
  SECTION_ROLES.instances,
  z.object({ instanceId, reason: z.string().max(2000) }),
  async (input, { user }) => {
    await cancelInstance(await getEngine(), { instanceId: input.instanceId, reason: input.reason, by: user.email });
    revalidatePath(`/instances/${input.instanceId}`);
    return null;
  },
);
