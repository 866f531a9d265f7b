import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The keys of the groups an account is a member of, as a text array column of
 * the query that reads the account, so the groups come in the same round trip.
 */
export function memberGroupsSql(userId: AnyPgColumn): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(gm.group_key order by gm.group_key) from group_members gm where gm.user_id = ${userId}), '{}'::text[])`;
}
