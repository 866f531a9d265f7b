import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { encodeMessages } from '@/engine/store/pg-wire';

const joined = (parts: Uint8Array[]) => Buffer.concat(parts.map((part) => Buffer.from(part)));

describe('frontend messages of the extended query protocol', () => {
  it('are the bytes PGlite’s own serializer writes, message by message, with null, empty and multi-byte values', () => {
    const text = 'insert into t (a, b) select $1, $2';
    const values = [null, '', '{"name":"Zoë","city":"Zürich – 東京"}', '42'];

    const ours = encodeMessages([
      { type: 'closeStatement', name: 'baton_write' },
      { type: 'parse', name: 'baton_write', text },
      { type: 'bind', statement: 'baton_write', values },
      { type: 'describePortal' },
      { type: 'execute' },
      { type: 'sync' },
    ]);

    const theirs = joined([
      protocol.serialize.close({ type: 'S', name: 'baton_write' }),
      protocol.serialize.parse({ name: 'baton_write', text, types: [] }),
      protocol.serialize.bind({ statement: 'baton_write', values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    expect(Buffer.from(ours).toString('hex')).toBe(theirs.toString('hex'));
  });
});
