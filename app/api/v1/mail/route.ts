import { z } from 'zod';
import { getDb } from '@/lib/db';
import { listMailbox, listOutbox } from '@/lib/mail/list-mail';
import { withRole } from '@/lib/route';

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** GET /api/v1/mail — the outbox with every mail's status, and the dev mailbox (admins only). */
export const GET = withRole(['admin'], query, async ({ input }) => {
  const db = await getDb();
  const [outbox, mailbox] = await Promise.all([listOutbox(db, input.limit), listMailbox(db, input.limit)]);
  return { outbox, mailbox };
});
