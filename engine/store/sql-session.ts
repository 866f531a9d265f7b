/**
 * How the SQL store talks to its database inside one transaction. The hot
 * statements of a command (its locking read, its write) are sent as named
 * statements, prepared once per connection, and the transaction costs as few
 * trips to the database as the driver allows:
 *
 * - node-postgres (a `pg.Pool`): the transaction owns a pooled connection in
 *   the driver's pipeline mode. BEGIN goes out with the first statement and
 *   COMMIT right behind the last write, without waiting in between, so a
 *   command is two round trips (read, write+commit) instead of four.
 * - PGlite: statements go to the embedded server as one batch of protocol
 *   messages each (bind, execute, sync; parse only the first time), instead
 *   of six calls that parse and plan the statement again every time.
 * - Any other drizzle database: drizzle's own transaction, statements sent
 *   one after another.
 *
 * Errors keep their order: the first statement that failed is the error the
 * transaction throws, and a failed statement leaves the transaction aborted,
 * so COMMIT rolls it back. Nothing is committed that a later check refused:
 * the checks of a write run in the database, inside the statement.
 */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

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
  /** Resolves once every statement sent so far has run; on a pipelined connection, at once. */
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

/* ------------------------------------------------------------------ node-postgres */

/** The parts of a node-postgres client this driver uses beyond its typings: its pipeline switch and socket. */
interface ClientInternals {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
}

const internals = (client: pg.PoolClient) => client as unknown as ClientInternals;

/** Drizzle databases on pooled connections, made once per connection (building one is not free). */
const pooledDatabases = new WeakMap<pg.PoolClient, AnyPgDatabase>();

class PipelineSession implements SqlSession {
  begun = false;
  readonly sent = new Sent();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly schema: Record<string, unknown> | undefined,
  ) {}

  /** BEGIN, sent ahead of the transaction's first statement and not waited for. */
  private begin(): void {
    if (this.begun) return;
    this.begun = true;
    void this.sent.track(this.client.query('BEGIN'));
  }

  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    const stream = internals(this.client).connection.stream;
    // Corked, BEGIN and the statement leave in one write.
    stream.cork();
    let result: Promise<pg.QueryResult<Row>>;
    try {
      this.begin();
      result = this.client.query<Row>({
        name: statement.name,
        text: statement.text,
        values: statement.params,
      });
    } finally {
      stream.uncork();
    }
    return this.sent.track(
      mapped(
        result.then((r) => r.rows),
        mapError,
      ),
    );
  }

  drained(): Promise<void> {
    return Promise.resolve();
  }

  get db(): AnyPgDatabase {
    this.begin();
    let db = pooledDatabases.get(this.client);
    if (!db) {
      db = drizzlePg({ client: this.client, schema: this.schema });
      pooledDatabases.set(this.client, db);
    }
    return db;
  }

  /** Runs `send` corked, with COMMIT behind it: the last writes and COMMIT leave in one write. */
  withCommit(send: () => void): void {
    const stream = internals(this.client).connection.stream;
    stream.cork();
    try {
      send();
      if (this.begun) this.ending = this.sent.track(this.client.query('COMMIT'));
    } finally {
      stream.uncork();
    }
  }

  private ending: Promise<pg.QueryResult> | undefined;

  /** ROLLBACK after a failure, sent behind whatever is still on its way, then everything waited for. */
  async end(failure: { error: unknown } | undefined): Promise<void> {
    if (!this.begun) {
      if (failure) throw failure.error;
      return;
    }
    const ending = failure
      ? this.sent.track(this.client.query('ROLLBACK'))
      : (this.ending ?? this.sent.track(this.client.query('COMMIT')));
    await this.sent.settle(failure);
    const { command } = await ending;
    if (command !== 'COMMIT')
      throw new Error(`Expected the transaction to commit, but it ended with ${command}`);
  }
}

function poolDriver(pool: pg.Pool, schema: Record<string, unknown> | undefined): SqlDriver {
  return {
    async transaction(work, finish) {
      const client = await pool.connect();
      internals(client).pipeline = true;
      const session = new PipelineSession(client, schema);
      let broken: Error | undefined;
      try {
        const outcome = await attempt(session, work, finish, (send) => session.withCommit(send));
        const failure = outcome.ok ? undefined : outcome.failure;
        try {
          await session.end(failure);
        } catch (error) {
          // A server error leaves the connection usable; anything else (a lost socket) does not.
          if (!(error instanceof pg.DatabaseError) && error !== failure?.error)
            broken = error as Error;
          throw error;
        }
        return (outcome as { result: Awaited<ReturnType<typeof work>> }).result;
      } finally {
        internals(client).pipeline = false;
        client.release(broken);
      }
    },
  };
}

/* ------------------------------------------------------------------ PGlite */

interface PGliteLike {
  transaction<T>(work: (tx: unknown) => Promise<T>): Promise<T>;
  execProtocolStream(
    message: Uint8Array,
    options: { syncToFs?: boolean; throwOnError?: boolean },
  ): Promise<Array<{ name: string }>>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
}

interface PGliteProtocol {
  serialize: {
    parse(message: { name: string; text: string; types?: number[] }): Uint8Array;
    bind(message: { statement: string; values: Array<string | null> }): Uint8Array;
    describe(message: { type: 'P' | 'S'; name?: string }): Uint8Array;
    execute(message: object): Uint8Array;
    sync(): Uint8Array;
  };
}

interface PGliteModule {
  protocol: PGliteProtocol;
  parse: {
    parseResults(messages: unknown[], parsers: PGliteLike['parsers']): Array<{ rows: Row[] }>;
  };
}

const isPGlite = (client: unknown): client is PGliteLike =>
  typeof (client as PGliteLike | null)?.execProtocolStream === 'function' &&
  typeof (client as PGliteLike).transaction === 'function';

/** Names of the statements each PGlite database has prepared. */
const preparedOn = new WeakMap<PGliteLike, Set<string>>();

let pgliteModule: Promise<PGliteModule> | undefined;
// Loaded on first use, so a process on node-postgres never loads the embedded server's code.
const loadPglite = () =>
  (pgliteModule ??= import('@electric-sql/pglite') as unknown as Promise<PGliteModule>);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A parameter in the text format: the hot statements take text, numbers and JSON. */
function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

class PgliteSession implements SqlSession {
  private chain: Promise<unknown> = Promise.resolve();
  readonly sent = new Sent();
  private drizzleDb: AnyPgDatabase | undefined;

  constructor(
    private readonly pglite: PGliteLike,
    private readonly tx: unknown,
    private readonly schema: Record<string, unknown> | undefined,
  ) {}

  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    const run = this.chain.then(() => this.run(statement));
    this.chain = run;
    return this.sent.track(mapped(run, mapError));
  }

  private async run(statement: Statement): Promise<Row[]> {
    const { protocol, parse } = await loadPglite();
    let prepared = preparedOn.get(this.pglite);
    if (!prepared) preparedOn.set(this.pglite, (prepared = new Set()));
    const parsing = !prepared.has(statement.name);
    const messages = await this.pglite.execProtocolStream(
      concat([
        ...(parsing
          ? [protocol.serialize.parse({ name: statement.name, text: statement.text, types: [] })]
          : []),
        protocol.serialize.bind({
          statement: statement.name,
          values: statement.params.map(textValue),
        }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false, throwOnError: false },
    );
    if (parsing && messages.some((m) => m.name === 'parseComplete')) prepared.add(statement.name);
    const error = messages.find((m) => m.name === 'error');
    if (error) throw error as unknown as Error;
    return parse.parseResults(messages, this.pglite.parsers)[0]?.rows ?? [];
  }

  async drained(): Promise<void> {
    await this.chain;
  }

  get db(): AnyPgDatabase {
    this.drizzleDb ??= drizzlePglite({
      client: this.tx as never,
      schema: this.schema,
    }) as unknown as AnyPgDatabase;
    return this.drizzleDb;
  }
}

function pgliteDriver(pglite: PGliteLike, schema: Record<string, unknown> | undefined): SqlDriver {
  return {
    transaction: (work, finish) =>
      pglite.transaction(async (tx) => {
        const session = new PgliteSession(pglite, tx, schema);
        const outcome = await attempt(session, work, finish);
        // Throwing makes PGlite roll back.
        await session.sent.settle(outcome.ok ? undefined : outcome.failure);
        return (outcome as { result: Awaited<ReturnType<typeof work>> }).result;
      }),
  };
}

/* ------------------------------------------------------------------ any other drizzle database */

class DrizzleSession implements SqlSession {
  private chain: Promise<unknown> = Promise.resolve();
  readonly sent = new Sent();

  constructor(readonly db: AnyPgDatabase) {}

  send(statement: Statement, mapError?: (error: unknown) => unknown): Promise<Row[]> {
    const run = this.chain.then(async () => {
      const query = this.db._.session.prepareQuery(
        { sql: statement.text, params: statement.params },
        undefined,
        statement.name,
        false,
      );
      return ((await query.execute()) as { rows: Row[] }).rows;
    });
    this.chain = run;
    return this.sent.track(mapped(run, mapError));
  }

  async drained(): Promise<void> {
    await this.chain;
  }
}

function drizzleDriver(db: AnyPgDatabase): SqlDriver {
  return {
    transaction: (work, finish) =>
      db.transaction(async (tx) => {
        const session = new DrizzleSession(tx);
        const outcome = await attempt(session, work, finish);
        await session.sent.settle(outcome.ok ? undefined : outcome.failure);
        return (outcome as { result: Awaited<ReturnType<typeof work>> }).result;
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
