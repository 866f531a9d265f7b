/**
 * Counts the statements an in-memory PGlite database is asked to run, at the
 * wire: every simple query ('Q', as BEGIN and COMMIT are sent) and every
 * execute of a prepared statement ('E') in the protocol messages it is given,
 * whoever sends them (drizzle, the engine's store, PGlite itself).
 */
import type { PGlite } from '@electric-sql/pglite';

const QUERY = 0x51;
const EXECUTE = 0x45;

export interface WireCounter {
  /** Statements seen since the last reset. */
  readonly count: number;
  reset(): void;
}

export function countWireStatements(client: PGlite): WireCounter {
  let count = 0;
  const raw = client.execProtocolRaw.bind(client);
  client.execProtocolRaw = (message, options) => {
    // Frontend messages: a type byte, then a big-endian length that counts itself but not the type.
    for (let at = 0; at + 5 <= message.length;) {
      const type = message[at]!;
      if (type === QUERY || type === EXECUTE) count++;
      const length =
        ((message[at + 1]! << 24) |
          (message[at + 2]! << 16) |
          (message[at + 3]! << 8) |
          message[at + 4]!) >>>
        0;
      at += 1 + length;
    }
    return raw(message, options);
  };
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
