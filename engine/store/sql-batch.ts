/**
 * The writes of one transaction, held back and sent as few statements as the
 * rows allow. Rows of one kind (the tasks a command creates, the jobs it
 * completes) are written by one `INSERT … SELECT`, `UPDATE … FROM` or
 * `DELETE`: one row, the usual case, with a parameter per column; more rows
 * as one JSON parameter, through `jsonb_to_recordset(…)`. The writes of all
 * kinds then run as the data-modifying CTEs of one statement. A write that
 * touches a row already written in the pending statement (an instance saved
 * twice, a task created then cancelled) starts the next statement, because
 * the CTEs of one statement do not see each other's rows. Statement texts
 * depend only on which kinds of rows are written, so they repeat, and are
 * sent as named (prepared) statements.
 */
import { createHash } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { tableInfo, type ColumnInfo, type TableInfo } from './sql-columns';
import type { Row, SqlSession } from './sql-session';

export interface InsertOptions<T> {
  /** On a primary key conflict: overwrite the row with the new values, or keep the old one. */
  onConflict?: 'update' | 'nothing';
  /** Identity of a row, for rows without an `id` key; null for rows no later write refers to. */
  key?: ((row: T) => string) | null;
  /** A condition on each new row (`r`); a row that fails it is not written. */
  guard?: string;
  /** As for updates: a row the insert does not write fails the statement, with this error. */
  required?: (id: string) => Error;
}

export interface UpdateOptions {
  /**
   * A further condition on the row as stored (`t`) and the new values (`r`),
   * e.g. `t."status" = 'open'`; a row that fails it is left alone.
   */
  guard?: string;
  /** Columns set from the stored row rather than a value, e.g. `{ failures: 't."failures" + 1' }`. */
  expressions?: Record<string, string>;
  /**
   * When given, a row the update does not reach fails the statement (in the
   * database, so the transaction cannot commit), with the error this
   * function makes.
   */
  required?: (id: string) => Error;
}

/**
 * The parameters a group's statement text refers to: `rows`, its rows as one
 * JSON array, or, when it writes exactly one row, `values`, one parameter per
 * column of that row (so the row is not wrapped in JSON that is parsed and
 * taken apart again, and a JSON column such as an instance's state is parsed
 * once); and `id`, the id of a single row an update or delete finds.
 */
interface GroupParams {
  rows?: string;
  values?: string[];
  id?: string;
}

interface Group {
  /** Everything the statement text depends on. */
  shape: string;
  /** The table's name, for the error of a required row. */
  table: string;
  /** Whether the group finds its rows by id (updates, deletes), and so sends the id of a single row. */
  byId: boolean;
  /** The columns a single row sends a value for, one parameter each (an update's id is `id`). */
  columns: readonly ColumnInfo[];
  /** The statement text of this group; `single` when it writes exactly one row. */
  cte(params: GroupParams, single: boolean): string;
  rows: unknown[];
  required?: (id: string) => Error;
}

class Segment {
  readonly groups = new Map<string, Group>();
  readonly touched = new Set<string>();
}

const id = (row: object) => (row as Row)['id'] as string;

/** The id of a row of an update (its `id`) or of a delete (the id itself). */
const idOf = (row: unknown) => (typeof row === 'string' ? row : id(row as object));

function recordset(columns: readonly ColumnInfo[], param: string, ordered: boolean): string {
  const definition = columns.map((c) => `"${c.key}" ${c.type}`).join(', ');
  return ordered
    ? `rows from (jsonb_to_recordset(${param}::jsonb) as (${definition})) with ordinality as r`
    : `jsonb_to_recordset(${param}::jsonb) as r(${definition})`;
}

/** A column's value sent as a parameter of its own, as the parameter's text. */
function parameterValue(column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // JSON and array columns travel as JSON text: a JSON string must stay quoted.
  if (column.type === 'jsonb' || column.type === 'json' || column.type.endsWith('[]'))
    return JSON.stringify(value);
  return value;
}

/** The SQL of a column's value from its parameter. */
function parameterCast(column: ColumnInfo, param: string): string {
  if (column.type.endsWith('[]'))
    return `(case when ${param}::jsonb is null then null else array(select jsonb_array_elements_text(${param}::jsonb)) end)::${column.type}`;
  return `${param}::${column.type}`;
}

/**
 * One row as the relation `r`, the same columns (and `ordinality`) the
 * recordset of many rows has, from a parameter per column (`extra` adds
 * columns computed otherwise, e.g. an update's id).
 */
function singleRow(
  columns: readonly ColumnInfo[],
  params: readonly string[],
  extra: readonly string[] = [],
): string {
  const values = columns.map((c, index) => `${parameterCast(c, params[index]!)} as "${c.key}"`);
  return `(select ${[...extra, ...values].join(', ')}, 1::bigint as ordinality) as r`;
}

/**
 * The primary key condition of an update or delete. One row, by far the
 * usual case, is compared with its id, sent as a parameter of its own: the
 * planner always answers that from the primary key, whatever it believes
 * about the table's size (a prepared statement keeps the plan it chose while
 * the table was small), and the row's JSON (an instance's whole state) is not
 * parsed again to find it. More rows are the ids of the JSON array parameter,
 * either of rows (`key` 'id') or of plain ids (`key` null), as one array
 * computed once per statement: joined with the recordset alone, the planner
 * expects a hundred rows from it and scans the whole table instead.
 */
function idCondition(params: GroupParams, single: boolean, key: 'id' | null): string {
  if (single) return `t."id" = ${params.id!}`;
  return key
    ? `t."id" = any(array(select x."id" from jsonb_to_recordset(${params.rows!}::jsonb) as x("id" text)))`
    : `t."id" = any(array(select jsonb_array_elements_text(${params.rows!}::jsonb)))`;
}

function columnsFor(info: TableInfo, keys: readonly string[]): ColumnInfo[] {
  return keys.map((key) => {
    const column = info.byKey.get(key);
    if (!column)
      throw new Error(`Expected a column for '${key}' in ${info.name}, but there is none`);
    return column;
  });
}

const statements = new Map<string, { text: string; name: string }>();
/** Shapes are few (one per combination of row kinds); the bound only guards against a runaway. */
const MAX_STATEMENTS = 1000;

export class WriteBatch {
  private segments: Segment[] = [];

  get empty(): boolean {
    return this.segments.length === 0;
  }

  insert<T extends object>(
    table: PgTable,
    rows: readonly T[],
    options: InsertOptions<T> = {},
  ): void {
    if (rows.length === 0) return;
    const info = tableInfo(table);
    const keys = Object.keys(rows[0]!);
    const conflict = options.onConflict ?? 'error';
    const keyOf: ((row: T) => string) | null = options.key === undefined ? id : options.key;
    const shape = `insert ${info.name} ${conflict} ${keys.join(',')} ${options.guard ?? ''} ${options.required ? 'required' : ''}`;
    for (const row of rows) {
      const group = this.group(keyOf ? [`${info.name}:${keyOf(row)}`] : [], shape, () => ({
        shape,
        table: info.name.slice(1, -1),
        rows: [],
        required: options.required,
        byId: false,
        columns: columnsFor(info, keys),
        cte: (params, single) => {
          const columns = columnsFor(info, keys);
          const names = columns.map((c) => c.name).join(', ');
          const values = columns.map((c) => `r."${c.key}"`).join(', ');
          const onConflict =
            conflict === 'update'
              ? ` on conflict ("id") do update set ${columns
                  .filter((c) => c.key !== 'id')
                  .map((c) => `${c.name} = excluded.${c.name}`)
                  .join(', ')}`
              : conflict === 'nothing'
                ? ' on conflict do nothing'
                : '';
          const guard = options.guard ? ` where ${options.guard}` : '';
          const returning = options.required ? ' returning "id"' : '';
          const source = single
            ? singleRow(columns, params.values!)
            : recordset(columns, params.rows!, true);
          return `insert into ${info.name} (${names}) select ${values} from ${source}${guard} order by r.ordinality${onConflict}${returning}`;
        },
      }));
      group.rows.push(row);
    }
  }

  update(table: PgTable, rowId: string, set: object, options: UpdateOptions = {}): void {
    const info = tableInfo(table);
    const keys = Object.keys(set);
    const expressions = Object.entries(options.expressions ?? {});
    if (keys.length === 0 && expressions.length === 0) return;
    const shape = `update ${info.name} ${keys.join(',')} ${JSON.stringify(expressions)} ${options.guard ?? ''} ${options.required ? 'required' : ''}`;
    const group = this.group([`${info.name}:${rowId}`], shape, () => ({
      shape,
      table: info.name.slice(1, -1),
      rows: [],
      required: options.required,
      byId: true,
      columns: columnsFor(info, keys),
      cte: (params, single) => {
        const columns = columnsFor(info, ['id', ...keys]);
        const assignments = [
          ...columns.slice(1).map((c) => `${c.name} = r."${c.key}"`),
          ...expressions.map(
            ([key, expression]) => `${columnsFor(info, [key])[0]!.name} = ${expression}`,
          ),
        ].join(', ');
        const guard = options.guard ? ` and ${options.guard}` : '';
        if (single) {
          const source = singleRow(columns.slice(1), params.values!, [
            `${params.id!}::text as "id"`,
          ]);
          return `update ${info.name} as t set ${assignments} from ${source} where t."id" = ${params.id!}${guard} returning t."id"`;
        }
        return `update ${info.name} as t set ${assignments} from ${recordset(columns, params.rows!, false)} where ${idCondition(params, false, 'id')} and t."id" = r."id"${guard} returning t."id"`;
      },
    }));
    group.rows.push({ ...set, id: rowId });
  }

  delete(table: PgTable, rowId: string): void {
    const info = tableInfo(table);
    const shape = `delete ${info.name}`;
    const group = this.group([`${info.name}:${rowId}`], shape, () => ({
      shape,
      table: info.name.slice(1, -1),
      rows: [],
      byId: true,
      columns: [],
      cte: (params, single) =>
        `delete from ${info.name} as t where ${idCondition(params, single, null)}`,
    }));
    group.rows.push(rowId);
  }

  /**
   * Sends the pending writes, one statement per segment, without waiting for
   * them: the session runs them in order, before anything sent later, and
   * the transaction waits for them before it ends.
   */
  send(session: SqlSession): void {
    const segments = this.segments;
    this.segments = [];
    for (const segment of segments) {
      const groups = [...segment.groups.values()];
      const { text, name } = statementFor(groups);
      const params: unknown[] = [];
      for (const group of groups) {
        if (group.rows.length > 1) {
          params.push(JSON.stringify(group.rows));
          continue;
        }
        const row = group.rows[0];
        if (group.byId) params.push(idOf(row));
        for (const column of group.columns)
          params.push(parameterValue(column, (row as Row)[column.key]));
      }
      void session.send({ text, name, params }, (error) => requiredError(groups, error));
    }
  }

  /** The group of this shape in the last segment, or in a new one when these rows were written there already. */
  private group(keys: readonly string[], shape: string, create: () => Group): Group {
    let segment = this.segments.at(-1);
    if (!segment || keys.some((key) => segment!.touched.has(key))) {
      segment = new Segment();
      this.segments.push(segment);
    }
    for (const key of keys) segment.touched.add(key);
    let group = segment.groups.get(shape);
    if (!group) {
      group = create();
      segment.groups.set(shape, group);
    }
    return group;
  }
}

/** The store's error for a required row the statement missed (SQLSTATE 40001, the row's id as detail). */
function requiredError(groups: readonly Group[], error: unknown): unknown {
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  if (code !== '40001' || typeof detail !== 'string') return error;
  for (const group of groups) {
    if (group.required && group.rows.some((row) => (row as Row)['id'] === detail))
      return group.required(detail);
  }
  return error;
}

function statementFor(groups: readonly Group[]): { text: string; name: string } {
  const shape = groups
    .map((group) => `${group.shape} ${group.rows.length === 1 ? 'one' : 'many'}`)
    .join('\n');
  let statement = statements.get(shape);
  if (!statement) {
    // Parameters in the order `send` gives them: each group's rows, or its single row's id and values.
    let next = 0;
    const params = groups.map((group): GroupParams => {
      const assigned: GroupParams = {};
      if (group.rows.length > 1) {
        assigned.rows = `$${++next}`;
        return assigned;
      }
      if (group.byId) assigned.id = `$${++next}`;
      assigned.values = group.columns.map(() => `$${++next}`);
      return assigned;
    });
    const ctes = groups.map(
      (group, index) => `w${index} as (${group.cte(params[index]!, group.rows.length === 1)})`,
    );
    // Counted first, so the check costs a function call only when a row was missed.
    const required = groups.flatMap((group, index) => {
      if (!group.required) return [];
      const assigned = params[index]!;
      const single = group.rows.length === 1;
      const rows = single
        ? `jsonb_build_array(jsonb_build_object('id', ${assigned.id ?? assigned.values![group.columns.findIndex((c) => c.key === 'id')]!}::text))`
        : `${assigned.rows!}::jsonb`;
      const expected = single ? '1' : `jsonb_array_length(${rows})`;
      return [
        `case when (select count(*) from w${index}) = ${expected} then null else baton_missing_row(${rows}, array(select "id" from w${index}), '${group.table.replaceAll("'", "''")}') end as "w${index}"`,
      ];
    });
    const text = `with ${ctes.join(',\n')}\nselect ${required.length > 0 ? required.join(', ') : '1'}`;
    const name = `baton_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = { text, name };
    statements.set(shape, statement);
  }
  return statement;
}
