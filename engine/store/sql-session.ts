/**
 * How the SQL store talks to its database inside one transaction. The hot
 * statements of a command (its locking read, its write) are sent as named
 * statements, prepared once per connection, and the transaction costs as few
 * trips to the database as the driver allows:
 *
 * - node-postgres (a `pg.Pool`): the transaction owns a pooled connection.
 *   The statements it sends in one turn of the event loop leave as one batch
 *   of extended-protocol messages with a single Sync, so BEGIN goes out with
 *   the first read and COMMIT with the last write: a command is two round
 *   trips and two replies (read, write+commit) instead of four.
 * - PGlite: the transaction holds PGlite's transaction lock itself, and each
 *   statement goes to the embedded server as one exchange of protocol
 *   messages (bind, execute, sync; parse only the first time), BEGIN in the
 *   exchange of the first statement and COMMIT in that of the last write: a
 *   command is two exchanges, where PGlite's own transaction() adds two for
 *   BEGIN and two for COMMIT.
 * - Any other drizzle database: drizzle's own transaction, statements sent
 *   one after another.
 *
 * Errors keep their order: the first statement that failed is the error the
 * transaction throws; the statements after it do not run, and the
 * transaction is rolled back. Nothing is committed that a later check refused:
 * the checks of a write run in the database, inside the statement.
 */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { encodeMessages, type FrontendMessage } from './pg-wire';

/** Any drizzle PostgreSQL database or transaction, whatever its driver and schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, any>;

export type Row = Record<string, unknown>;

export interface Statement {
  text: string;
  params: unknown[];
  /** Name of the prepared statement: the same for the same text. */
  name: string;
}

export interface SqlSession {
  /**
   * Sends a statement. Statements run in the order they are sent, and one
   * need not wait for the one before: the transaction waits for all of them
   * before it ends. `mapError` turns the database's error into the store's.
   */
  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]>;
  /** Resolves once every statement sent so far has run, or is queued ahead of anything sent later. */
  drained(): Promise<void>;
  /** A drizzle database on the same connection and transaction, for the statements that are not hot. */
  readonly db: AnyPgDatabase;
}

export interface SqlDriver {
  /**
   * Runs `work` in one transaction; statements it sent and did not wait for
   * are part of it. When `work` succeeds, `finish` sends the transaction's
   * last statements, which leave together with COMMIT. Throws the first error
   * of a statement, else the error of `work`, and then nothing is committed.
   */
  transaction<T>(
    work: (session: SqlSession) => Promise<T>,
    finish?: (session: SqlSession) => void,
  ): Promise<T>;
}

type Outcome<T> = { ok: true; result: T } | { ok: false; failure: { error: unknown } };

/** Runs the work, and `finish` after it; an error of either is kept, not thrown. */
async function attempt<T>(
  session: SqlSession,
  work: (session: SqlSession) => Promise<T>,
  finish: ((session: SqlSession) => void) | undefined,
  /** Wraps `finish`, e.g. to send it in one write with COMMIT. */
  around: (send: () => void) => void = (send) => send(),
): Promise<Outcome<T>> {
  let result: T;
  try {
    result = await work(session);
  } catch (error) {
    return { ok: false, failure: { error } };
  }
  try {
    around(() => finish?.(session));
  } catch (error) {
    return { ok: false, failure: { error } };
  }
  return { ok: true, result };
}

/** Keeps the promises of the statements sent, and the first error in sending order. */
class Sent {
  private readonly all: Array<Promise<unknown>> = [];

  track<T>(promise: Promise<T>): Promise<T> {
    // Awaited in `settle`; until then a rejection is not unhandled.
    promise.catch(() => undefined);
    this.all.push(promise);
    return promise;
  }

  /** The first statement error in sending order, or `fallback` (the error of the work itself). */
  async settle(fallback?: { error: unknown }): Promise<void> {
    const results = await Promise.allSettled(this.all);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (fallback) throw fallback.error;
  }

  /** The work's result once every statement has run, or the first error. */
  async resultOf<T>(outcome: Outcome<T>): Promise<T> {
    await this.settle(outcome.ok ? undefined : outcome.failure);
    return (outcome as { result: T }).result;
  }
}

/**
 * A session whose statements run one after another, each waiting for the one
 * before; `run` sends one statement and returns its rows.
 */
abstract class ChainedSession implements SqlSession {
  private chain: Promise<unknown> = Promise.resolve();
  readonly sent = new Sent();

  abstract readonly db: AnyPgDatabase;
  protected abstract run(statement: Statement): Promise<Row[]>;

  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    return this.sent.track(
      mapped(
        this.after(() => this.run(statement)),
        mapError,
      ),
    );
  }

  /** Runs `work` once everything sent before it has run; not after a statement that failed. */
  protected after<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run;
    return run;
  }

  async drained(): Promise<void> {
    await this.chain;
  }
}

const mapped = (
  promise: Promise<Row[]>,
  mapError: ((error: unknown) => unknown) | undefined,
): Promise<Row[]> =>
  mapError
    ? promise.catch((error: unknown) => {
        throw mapError(error);
      })
    : promise;

/** A parameter in the text format: the hot statements take text, numbers and JSON. */
function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/* ------------------------------------------------------------------ node-postgres */

/** The protocol messages of a node-postgres connection this driver sends itself. */
interface WireConnection {
  stream: { cork?(): void; uncork?(): void };
  close(message: { type: 'S'; name: string }): void;
  parse(message: { name: string; text: string; types: number[] }): void;
  bind(message: { statement: string; values: Array<string | null> }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/** What a statement returned: its rows and its command tag (BEGIN, COMMIT, INSERT …). */
interface StatementResult {
  rows: Row[];
  command: string;
}

/** The columns a statement returns, with the driver's parser of each, known once per statement text. */
interface RowShape {
  names: string[];
  parsers: Array<(value: string) => unknown>;
}

const shapes = new Map<string, RowShape>();

function shapeOf(fields: ReadonlyArray<{ name: string; dataTypeID: number }>): RowShape {
  return {
    names: fields.map((field) => field.name),
    parsers: fields.map(
      (field) => pg.types.getTypeParser(field.dataTypeID, 'text') as (value: string) => unknown,
    ),
  };
}

interface Step {
  statement: Statement;
  /** Whether the statement returns rows; BEGIN and COMMIT do not. */
  rows: boolean;
  resolve(result: StatementResult): void;
  reject(error: unknown): void;
}

const BEGIN: Statement = { name: 'baton_begin', text: 'BEGIN', params: [] };
const COMMIT: Statement = { name: 'baton_commit', text: 'COMMIT', params: [] };
const ROLLBACK: Statement = { name: 'baton_rollback', text: 'ROLLBACK', params: [] };

/** Statements each pooled connection has prepared. */
const preparedOnConnection = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * Statements sent to the server as one batch of extended-protocol messages
 * with one Sync at the end: one write, one round trip, one reply. A statement
 * is parsed the first time a connection runs it (after a Close, in case an
 * earlier batch failed after parsing it), and the shape of its rows is asked
 * for only until it is known. When a statement fails, the server skips the
 * rest of the batch; those statements are rejected too.
 */
class Batch implements pg.Submittable {
  private index = 0;
  private rows: Row[] = [];
  private finished = false;

  constructor(
    private readonly steps: readonly Step[],
    private readonly prepared: Set<string>,
  ) {}

  submit(connection: pg.Connection): void {
    const wire = connection as unknown as WireConnection;
    wire.stream.cork?.();
    try {
      for (const { statement, rows } of this.steps) {
        if (!this.prepared.has(statement.name)) {
          wire.close({ type: 'S', name: statement.name });
          wire.parse({ name: statement.name, text: statement.text, types: [] });
        }
        wire.bind({ statement: statement.name, values: statement.params.map(textValue) });
        if (rows && !shapes.has(statement.name)) wire.describe({ type: 'P', name: '' });
        wire.execute({ portal: '', rows: 0 });
      }
      wire.sync();
    } finally {
      wire.stream.uncork?.();
    }
  }

  handleRowDescription(message: { fields: Array<{ name: string; dataTypeID: number }> }): void {
    const step = this.steps[this.index];
    if (step) shapes.set(step.statement.name, shapeOf(message.fields));
  }

  handleDataRow(message: { fields: Array<string | null> }): void {
    const step = this.steps[this.index];
    const shape = step && shapes.get(step.statement.name);
    if (!shape) return;
    const row: Row = {};
    message.fields.forEach((value, i) => {
      row[shape.names[i]!] = value === null ? null : shape.parsers[i]!(value);
    });
    this.rows.push(row);
  }

  handleCommandComplete(message: { text: string }): void {
    const step = this.steps[this.index++]!;
    const rows = this.rows;
    this.rows = [];
    this.prepared.add(step.statement.name);
    step.resolve({ rows, command: message.text.split(' ', 1)[0]! });
  }

  handleEmptyQuery(): void {
    const step = this.steps[this.index++];
    this.rows = [];
    step?.resolve({ rows: [], command: '' });
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: pg.Connection): void {
    (connection as unknown as WireConnection).sendCopyFail('Baton sends no COPY data');
  }

  handleCopyData(): void {}

  /** The statement at `index` failed; the server skipped the ones after it. */
  handleError(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.steps[this.index]?.reject(error);
    for (const skipped of this.steps.slice(this.index + 1)) skipped.reject(error);
  }

  handleReadyForQuery(): void {
    this.finished = true;
  }
}

/** Drizzle databases on pooled connections, made once per connection (building one is not free). */
const pooledDatabases = new WeakMap<pg.PoolClient, AnyPgDatabase>();

/**
 * A transaction on a pooled connection. Statements sent in one turn of the
 * event loop leave as one batch; BEGIN goes with the first of them, COMMIT
 * with the last writes.
 */
class BatchSession implements SqlSession {
  private begun = false;
  readonly sent = new Sent();
  private open: Step[] | null = null;
  private ending: Promise<StatementResult> | undefined;
  private readonly prepared: Set<string>;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly schema: Record<string, unknown> | undefined,
  ) {
    let prepared = preparedOnConnection.get(client);
    if (!prepared) preparedOnConnection.set(client, (prepared = new Set()));
    this.prepared = prepared;
  }

  /** Adds a statement to the batch of this turn. */
  private push(statement: Statement, rows: boolean): Promise<StatementResult> {
    if (!this.open) {
      this.open = [];
      queueMicrotask(() => this.flush());
    }
    const open = this.open;
    return new Promise((resolve, reject) => open.push({ statement, rows, resolve, reject }));
  }

  /** BEGIN, ahead of the transaction's first statement, in the same batch. */
  private begin(): void {
    if (this.begun) return;
    this.begun = true;
    void this.sent.track(this.push(BEGIN, false));
  }

  /** Adds a statement to the batch of this turn, BEGIN first when the transaction has not begun. */
  private add(statement: Statement, rows: boolean): Promise<StatementResult> {
    this.begin();
    return this.push(statement, rows);
  }

  /** Sends the batch of this turn now. */
  private flush(): void {
    const steps = this.open;
    this.open = null;
    if (steps && steps.length > 0) void this.client.query(new Batch(steps, this.prepared));
  }

  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    return this.sent.track(
      mapped(
        this.add(statement, true).then((result) => result.rows),
        mapError,
      ),
    );
  }

  drained(): Promise<void> {
    // The connection runs what it is given in order; anything queued after this runs after it.
    this.flush();
    return Promise.resolve();
  }

  get db(): AnyPgDatabase {
    this.begin();
    // Drizzle's statements go straight to the connection's queue, so the batch goes first.
    this.flush();
    let db = pooledDatabases.get(this.client);
    if (!db) {
      db = drizzlePg({ client: this.client, schema: this.schema });
      pooledDatabases.set(this.client, db);
    }
    return db;
  }

  /** Runs `send`, then COMMIT, in one batch with whatever else this turn sent. */
  withCommit(send: () => void): void {
    send();
    if (this.begun) this.ending = this.sent.track(this.push(COMMIT, false));
    this.flush();
  }

  /**
   * Waits for everything sent; a transaction that failed anywhere (its work,
   * a statement, COMMIT) is rolled back before the connection goes back to
   * the pool.
   */
  async end(failure: { error: unknown } | undefined): Promise<void> {
    if (!this.begun) {
      if (failure) throw failure.error;
      return;
    }
    this.flush();
    let committed = false;
    try {
      await this.sent.settle(failure);
      const ending = this.ending ?? this.sent.track(this.push(COMMIT, false));
      this.flush();
      const { command } = await ending;
      committed = command === 'COMMIT';
      if (!committed)
        throw new Error(`Expected the transaction to commit, but it ended with ${command}`);
    } finally {
      if (!committed) await this.rollBack();
    }
  }

  /** Set when the connection could not even roll back: it goes back to the pool only to be closed. */
  unusable: Error | undefined;

  private async rollBack(): Promise<void> {
    const rolledBack = this.push(ROLLBACK, false);
    this.flush();
    try {
      await rolledBack;
    } catch (error) {
      this.unusable = error instanceof Error ? error : new Error(String(error));
    }
  }
}

function poolDriver(pool: pg.Pool, schema: Record<string, unknown> | undefined): SqlDriver {
  return {
    async transaction(work, finish) {
      const client = await pool.connect();
      const session = new BatchSession(client, schema);
      try {
        const outcome = await attempt(session, work, finish, (send) => session.withCommit(send));
        await session.end(outcome.ok ? undefined : outcome.failure);
        return (outcome as { result: Awaited<ReturnType<typeof work>> }).result;
      } finally {
        // A failed statement leaves the connection usable once rolled back; a lost one does not.
        client.release(session.unusable);
      }
    },
  };
}

/* ------------------------------------------------------------------ PGlite */

interface PGliteLike {
  execProtocolStream(
    message: Uint8Array,
    options: { syncToFs?: boolean; throwOnError?: boolean },
  ): Promise<ProtocolMessage[]>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
  /** PGlite's own locks: one transaction at a time, one protocol exchange at a time. */
  _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T>;
}

interface ProtocolMessage {
  name: string;
  text?: string;
}

interface PGliteResults {
  rows: Row[];
}

interface PGliteModule {
  parse: {
    parseResults(
      messages: ProtocolMessage[],
      parsers: PGliteLike['parsers'],
      options?: object,
    ): PGliteResults[];
  };
}

const isPGlite = (client: unknown): client is PGliteLike =>
  typeof (client as PGliteLike | null)?.execProtocolStream === 'function' &&
  typeof (client as PGliteLike)._runExclusiveTransaction === 'function' &&
  typeof (client as PGliteLike)._runExclusiveQuery === 'function';

/** The statements each PGlite database has prepared, with the row description of each. */
const preparedOn = new WeakMap<PGliteLike, Map<string, ProtocolMessage | null>>();

let pgliteModule: Promise<PGliteModule> | undefined;
// Loaded on first use, so a process on node-postgres never loads the embedded server's code.
const loadPglite = () =>
  (pgliteModule ??= import('@electric-sql/pglite') as unknown as Promise<PGliteModule>);

/** A parameter as node-postgres would send it, for drizzle's statements: arrays as array literals. */
function driverValue(value: unknown): string | null {
  if (Array.isArray(value)) return arrayLiteral(value);
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return textValue(value);
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    return `"${driverValue(value)!.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** One statement of a PGlite exchange: a prepared one (named) or drizzle's (unnamed, parsed every time). */
interface Exchange {
  statement: Statement;
  prepared: boolean;
}

/** What one statement of an exchange answered: its messages, row description first when it has one. */
type Answer = { ok: true; messages: ProtocolMessage[] } | { ok: false; error: unknown };

/** The messages of a statement's answer that its result is read from. */
const RESULT_MESSAGES = new Set(['rowDescription', 'dataRow']);

/**
 * A transaction on PGlite that holds PGlite's transaction lock itself, so
 * that BEGIN goes to the embedded server in one exchange with the first
 * statement and COMMIT with the last write: a command is two exchanges (each
 * bind, execute, sync; parse only the first time), where PGlite's own
 * `transaction()` adds two for BEGIN and two for COMMIT.
 */
class PgliteSession extends ChainedSession {
  private begun = false;
  private lastSent: Statement | undefined;
  /** The statement COMMIT goes with: the last one `finish` sent. */
  private commitWith: Statement | undefined;
  private committed: Promise<void> | undefined;
  private drizzleDb: AnyPgDatabase | undefined;
  private readonly prepared: Map<string, ProtocolMessage | null>;

  constructor(
    private readonly pglite: PGliteLike,
    private readonly schema: Record<string, unknown> | undefined,
  ) {
    super();
    let prepared = preparedOn.get(pglite);
    if (!prepared) preparedOn.set(pglite, (prepared = new Map<string, ProtocolMessage | null>()));
    this.prepared = prepared;
  }

  override send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    this.lastSent = statement;
    return super.send(statement, mapError);
  }

  protected async run(statement: Statement): Promise<Row[]> {
    const [answer] = await this.exchange(
      [{ statement, prepared: true }],
      statement === this.commitWith,
    );
    const { parse } = await loadPglite();
    if (!answer!.ok) throw answer!.error;
    return parse.parseResults(answer!.messages, this.pglite.parsers)[0]?.rows ?? [];
  }

  /**
   * Sends the statements in one exchange, with BEGIN ahead of them when the
   * transaction has not begun and COMMIT after them when `commit` is set. A
   * failed statement fails the ones after it, which the server skipped.
   * Answers the statements given, not BEGIN or COMMIT.
   */
  private async exchange(statements: readonly Exchange[], commit: boolean): Promise<Answer[]> {
    const begin = !this.begun;
    this.begun = true;
    const steps: Exchange[] = [
      ...(begin ? [{ statement: BEGIN, prepared: true }] : []),
      ...statements,
      ...(commit ? [{ statement: COMMIT, prepared: true }] : []),
    ];
    const parts: FrontendMessage[] = [];
    for (const { statement, prepared } of steps) {
      const name = prepared ? statement.name : '';
      const known = prepared && this.prepared.has(name);
      // Closed first: a failed exchange may have left it parsed.
      if (prepared && !known) parts.push({ type: 'closeStatement', name });
      if (!known) parts.push({ type: 'parse', name, text: statement.text });
      parts.push({
        type: 'bind',
        statement: name,
        values: statement.params.map(prepared ? textValue : driverValue),
      });
      if (!known) parts.push({ type: 'describePortal' });
      parts.push({ type: 'execute' });
    }
    parts.push({ type: 'sync' });
    const messages = await this.pglite._runExclusiveQuery(() =>
      this.pglite.execProtocolStream(encodeMessages(parts), {
        syncToFs: false,
        throwOnError: false,
      }),
    );
    const answers: Answer[] = [];
    let current: ProtocolMessage[] = [];
    let error: unknown = new Error('Expected PGlite to answer every statement, but it stopped');
    for (const message of messages) {
      const step = steps[answers.length];
      if (!step) break;
      if (message.name === 'error') {
        error = message;
        break;
      }
      if (message.name === 'commandComplete' || message.name === 'emptyQueryResponse') {
        const description = step.prepared ? this.prepared.get(step.statement.name) : undefined;
        answers.push({
          ok: true,
          messages: description ? [description, ...current, message] : [...current, message],
        });
        current = [];
      } else if (message.name === 'rowDescription' && step.prepared) {
        // Asked for once, when the statement is prepared, and kept.
        this.prepared.set(step.statement.name, message);
      } else if (message.name === 'noData' && step.prepared) {
        this.prepared.set(step.statement.name, null);
      } else if (RESULT_MESSAGES.has(message.name)) {
        current.push(message);
      }
    }
    while (answers.length < steps.length) answers.push({ ok: false, error });
    if (begin && !answers[0]!.ok) this.begun = false;
    if (commit) {
      const answer = answers.at(-1)!;
      this.committed = Promise.resolve().then(() => {
        if (!answer.ok) throw answer.error;
        const command = answer.messages.at(-1)?.text;
        if (command !== 'COMMIT')
          throw new Error(`Expected the transaction to commit, but it ended with ${command}`);
      });
      this.committed.catch(() => undefined);
    }
    return answers.slice(begin ? 1 : 0, commit ? -1 : undefined);
  }

  /** Drizzle's statements run in this transaction, in their turn after the ones sent before them. */
  private query(text: string, params: unknown[] = [], options?: object): Promise<PGliteResults> {
    return this.after(async () => {
      const [answer] = await this.exchange(
        [{ statement: { name: '', text, params }, prepared: false }],
        false,
      );
      if (!answer!.ok) throw answer!.error;
      const { parse } = await loadPglite();
      return parse.parseResults(answer!.messages, this.pglite.parsers, options)[0]!;
    });
  }

  /** Runs `send`; COMMIT goes in the exchange of the last statement it sent. */
  withCommit(send: () => void): void {
    const before = this.lastSent;
    send();
    if (this.lastSent !== before) this.commitWith = this.lastSent;
  }

  /**
   * Waits for everything sent and commits, unless COMMIT went with the last
   * write already; a transaction that failed anywhere is rolled back.
   */
  async end(failure: { error: unknown } | undefined): Promise<void> {
    let done = false;
    try {
      await this.sent.settle(failure);
      if (this.begun) {
        if (!this.committed) await this.exchange([], true);
        await this.committed;
      }
      done = true;
    } finally {
      if (!done && this.begun) await this.rollBack();
    }
  }

  private async rollBack(): Promise<void> {
    await this.pglite._runExclusiveQuery(() =>
      this.pglite.execProtocolStream(
        encodeMessages([
          { type: 'parse', name: '', text: 'ROLLBACK' },
          { type: 'bind', statement: '', values: [] },
          { type: 'execute' },
          { type: 'sync' },
        ]),
        { syncToFs: false, throwOnError: false },
      ),
    );
  }

  get db(): AnyPgDatabase {
    this.drizzleDb ??= drizzlePglite({
      client: {
        query: (text: string, params?: unknown[], options?: object) =>
          this.query(text, params, options),
      } as never,
      schema: this.schema,
    }) as unknown as AnyPgDatabase;
    return this.drizzleDb;
  }
}

function pgliteDriver(pglite: PGliteLike, schema: Record<string, unknown> | undefined): SqlDriver {
  return {
    transaction: (work, finish) =>
      pglite._runExclusiveTransaction(async () => {
        const session = new PgliteSession(pglite, schema);
        const outcome = await attempt(session, work, finish, (send) => session.withCommit(send));
        await session.end(outcome.ok ? undefined : outcome.failure);
        return (outcome as { result: Awaited<ReturnType<typeof work>> }).result;
      }),
  };
}

/* ------------------------------------------------------------------ any other drizzle database */

class DrizzleSession extends ChainedSession {
  constructor(readonly db: AnyPgDatabase) {
    super();
  }

  protected async run(statement: Statement): Promise<Row[]> {
    const query = this.db._.session.prepareQuery(
      { sql: statement.text, params: statement.params },
      undefined,
      statement.name,
      false,
    );
    return ((await query.execute()) as { rows: Row[] }).rows;
  }
}

function drizzleDriver(db: AnyPgDatabase): SqlDriver {
  return {
    transaction: (work, finish) =>
      db.transaction(async (tx) => {
        const session = new DrizzleSession(tx);
        return session.sent.resultOf(await attempt(session, work, finish));
      }),
  };
}

/** The driver for a drizzle database: by what it runs on. */
export function sqlDriverFor(db: AnyPgDatabase): SqlDriver {
  const client = (db as { $client?: unknown }).$client;
  const schema = (db._ as { fullSchema?: Record<string, unknown> }).fullSchema;
  if (client instanceof pg.Pool) return poolDriver(client, schema);
  if (isPGlite(client)) return pgliteDriver(client, schema);
  return drizzleDriver(db);
}
