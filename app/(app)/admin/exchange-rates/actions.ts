'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { withRole } from '@/lib/action';
import { SECTION_ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { setExchangeRate } from '@/lib/org/set-exchange-rate';

export const setExchangeRateAction = withRole(
  SECTION_ROLES.admin,
  z.object({
    currency: z.string().max(10),
    rate: z.string().max(30),
    validOn: z.string().max(10),
  }),
  async (input, { user }) => {
    const saved = await setExchangeRate(
      { db: await getDb(), currency: env().BATON_CURRENCY },
      { ...input, actorId: user.id },
    );
    revalidatePath('/admin/exchange-rates');
    revalidatePath('/admin');
    return saved;
  },
);
