/**
 * The columns of the engine's tables as raw SQL sees them: the select list
 * that reads a row back under its record keys, and the conversion of what the
 * driver returns into the record (drizzle's own per-column mapping). The hot
 * statements of the SQL store are plain text built from these, so they can be
 * prepared once per connection instead of being built by the query builder
 * for every command.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

export interface ColumnInfo {
  /** The record key (drizzle's property name). */
  key: string;
  /** The column name, quoted for SQL. */
  name: string;
  /** The SQL type, as a record column definition of jsonb_to_recordset accepts it. */
  type: string;
  column: PgColumn;
}

export interface TableInfo {
  /** The table name, quoted for SQL. */
  name: string;
  columns: ColumnInfo[];
  byKey: Map<string, ColumnInfo>;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Serial types are integers once the row exists. */
const RECORD_TYPES: Record<string, string> = {
  bigserial: 'bigint',
  serial: 'integer',
  smallserial: 'smallint',
};

const tables = new WeakMap<PgTable, TableInfo>();

export function tableInfo(table: PgTable): TableInfo {
  let info = tables.get(table);
  if (!info) {
    const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(
      ([key, column]) => {
        const type = column.getSQLType();
        return { key, name: quote(column.name), type: RECORD_TYPES[type] ?? type, column };
      },
    );
    info = {
      name: quote(getTableName(table)),
      columns,
      byKey: new Map(columns.map((c) => [c.key, c])),
    };
    tables.set(table, info);
  }
  return info;
}

/** `alias."column" as "prefixkey", …` for every column of the table. */
export function selectList(table: PgTable, alias: string, prefix = ''): string {
  return tableInfo(table)
    .columns.map((c) => `${alias}.${c.name} as ${quote(prefix + c.key)}`)
    .join(', ');
}

/** The record of a row read with `selectList`: timestamps become dates, JSON is parsed, as drizzle does. */
export function readRow<T>(table: PgTable, row: Record<string, unknown>, prefix = ''): T {
  const record: Record<string, unknown> = {};
  for (const c of tableInfo(table).columns) {
    const value = row[prefix + c.key];
    record[c.key] =
      value === null || value === undefined ? null : c.column.mapFromDriverValue(value);
  }
  return record as T;
}
