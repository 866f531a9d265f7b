/**
 * The frontend messages of PostgreSQL's extended query protocol that a
 * transaction on PGlite sends, written straight into one buffer per exchange:
 * each message's length is known before it is written, so nothing is copied
 * or grown on the way (https://www.postgresql.org/docs/current/protocol-message-formats.html).
 * Parameters and results are in the text format.
 */
export type FrontendMessage =
  | { type: 'parse'; name: string; text: string }
  | { type: 'bind'; statement: string; values: ReadonlyArray<string | null> }
  | { type: 'describePortal' }
  | { type: 'execute' }
  | { type: 'closeStatement'; name: string }
  | { type: 'sync' };

/** Bytes of a C string: its UTF-8 and the terminating zero. */
const cString = (value: string) => Buffer.byteLength(value) + 1;

/** Bytes of the message after its type byte: the length field and the body. */
function bodyLength(message: FrontendMessage): number {
  switch (message.type) {
    case 'parse':
      return 4 + cString(message.name) + cString(message.text) + 2;
    case 'bind': {
      let length = 4 + 1 + cString(message.statement) + 2 + 2 * message.values.length + 2 + 2;
      for (const value of message.values)
        length += 4 + (value === null ? 0 : Buffer.byteLength(value));
      return length;
    }
    case 'describePortal':
      return 4 + 1 + 1;
    case 'execute':
      return 4 + 1 + 4;
    case 'closeStatement':
      return 4 + 1 + cString(message.name);
    case 'sync':
      return 4;
  }
}

export function encodeMessages(messages: readonly FrontendMessage[]): Uint8Array {
  const lengths = messages.map(bodyLength);
  const total = lengths.reduce((sum, length) => sum + 1 + length, 0);
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  const byte = (value: number) => {
    at = out.writeUInt8(value, at);
  };
  const int16 = (value: number) => {
    at = out.writeInt16BE(value, at);
  };
  const int32 = (value: number) => {
    at = out.writeInt32BE(value, at);
  };
  const text = (value: string) => {
    at += out.write(value, at, 'utf8');
  };
  const cstring = (value: string) => {
    text(value);
    byte(0);
  };
  messages.forEach((message, index) => {
    const start = at;
    const length = lengths[index]!;
    switch (message.type) {
      case 'parse':
        byte(0x50); // P
        int32(length);
        cstring(message.name);
        cstring(message.text);
        int16(0);
        break;
      case 'bind':
        byte(0x42); // B
        int32(length);
        cstring('');
        cstring(message.statement);
        // A format code per parameter, every one text, as PGlite's own serializer writes them.
        int16(message.values.length);
        for (let i = 0; i < message.values.length; i++) int16(0);
        int16(message.values.length);
        for (const value of message.values) {
          if (value === null) {
            int32(-1);
          } else {
            // The value's length goes before it, once it is written.
            const lengthAt = at;
            at += 4;
            text(value);
            out.writeInt32BE(at - lengthAt - 4, lengthAt);
          }
        }
        int16(0);
        break;
      case 'describePortal':
        byte(0x44); // D
        int32(length);
        byte(0x50); // P
        byte(0);
        break;
      case 'execute':
        byte(0x45); // E
        int32(length);
        byte(0);
        int32(0);
        break;
      case 'closeStatement':
        byte(0x43); // C
        int32(length);
        byte(0x53); // S
        cstring(message.name);
        break;
      case 'sync':
        byte(0x53); // S
        int32(length);
        break;
    }
    if (at - start !== 1 + length)
      throw new Error(
        `Expected a ${message.type} message of ${1 + length} bytes, but wrote ${at - start}`,
      );
  });
  return out;
}
