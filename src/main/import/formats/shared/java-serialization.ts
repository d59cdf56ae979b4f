/**
 * A deliberately small reader for Java Object Serialization streams that hold one
 * java.util.HashMap<String, String> (the FreeOTP 2 backup). It understands only what such a stream
 * contains (protocol version 5, the HashMap class descriptor, strings and back-references) and
 * rejects anything else, so it never instantiates or interprets foreign classes.
 */

const MAGIC = 0xaced;
const VERSION = 5;
const TC_NULL = 0x70;
const TC_REFERENCE = 0x71;
const TC_CLASSDESC = 0x72;
const TC_OBJECT = 0x73;
const TC_STRING = 0x74;
const TC_BLOCKDATA = 0x77;
const TC_ENDBLOCKDATA = 0x78;
const TC_LONGSTRING = 0x7c;
const BASE_HANDLE = 0x7e0000;
const PRIMITIVE_SIZES: Record<string, number> = { B: 1, C: 2, D: 8, F: 4, I: 4, J: 8, S: 2, Z: 1 };

export class JavaStreamError extends Error {
  constructor(readonly truncated: boolean) {
    super(
      truncated ? 'The stream ends early.' : 'The stream is not a serialised HashMap of strings.',
    );
  }
}

class Reader {
  private offset = 0;
  readonly handles: unknown[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  take(count: number): Uint8Array {
    if (count < 0 || this.offset + count > this.bytes.length) throw new JavaStreamError(true);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }
  u8(): number {
    return this.take(1)[0] as number;
  }
  u16(): number {
    const b = this.take(2);
    return ((b[0] as number) << 8) | (b[1] as number);
  }
  u32(): number {
    const b = this.take(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }
  u64(): number {
    const b = this.take(8);
    const value = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new JavaStreamError(false);
    return Number(value);
  }
  utf(length: number): string {
    return decodeModifiedUtf8(this.take(length));
  }
}

/** Java's "modified UTF-8": NUL as C0 80 and supplementary characters as two 3-byte surrogates. */
function decodeModifiedUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i] as number;
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length) {
      units.push(((a & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length) {
      units.push(
        ((a & 0x0f) << 12) |
          (((bytes[i + 1] as number) & 0x3f) << 6) |
          ((bytes[i + 2] as number) & 0x3f),
      );
      i += 3;
    } else {
      throw new JavaStreamError(false);
    }
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192)
    out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

function readString(reader: Reader): string {
  const code = reader.u8();
  let value: unknown;
  if (code === TC_STRING) value = reader.utf(reader.u16());
  else if (code === TC_LONGSTRING) value = reader.utf(reader.u64());
  else if (code === TC_REFERENCE) value = reader.handles[reader.u32() - BASE_HANDLE];
  else throw new JavaStreamError(false);
  if (code !== TC_REFERENCE) reader.handles.push(value);
  if (typeof value !== 'string') throw new JavaStreamError(false);
  return value;
}

/** Reads the HashMap class descriptor; returns the byte size of its primitive field values. */
function readHashMapDescriptor(reader: Reader): number {
  if (reader.u8() !== TC_CLASSDESC) throw new JavaStreamError(false);
  if (reader.utf(reader.u16()) !== 'java.util.HashMap') throw new JavaStreamError(false);
  reader.take(8); // serialVersionUID: accepted as is, the layout below is what matters
  reader.handles.push('class');
  reader.u8(); // flags
  let primitiveBytes = 0;
  const fields = reader.u16();
  for (let i = 0; i < fields; i++) {
    const type = String.fromCharCode(reader.u8());
    reader.utf(reader.u16());
    const size = PRIMITIVE_SIZES[type];
    if (size === undefined) throw new JavaStreamError(false);
    primitiveBytes += size;
  }
  if (reader.u8() !== TC_ENDBLOCKDATA) throw new JavaStreamError(false);
  if (reader.u8() !== TC_NULL) throw new JavaStreamError(false);
  return primitiveBytes;
}

export function isJavaSerialization(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0xac &&
    bytes[1] === 0xed &&
    bytes[2] === 0x00 &&
    bytes[3] === VERSION
  );
}

export function readSerializedStringMap(bytes: Uint8Array): Map<string, string> {
  const reader = new Reader(bytes);
  if (reader.u16() !== MAGIC || reader.u16() !== VERSION) throw new JavaStreamError(false);
  if (reader.u8() !== TC_OBJECT) throw new JavaStreamError(false);
  const primitiveBytes = readHashMapDescriptor(reader);
  reader.handles.push('map');
  reader.take(primitiveBytes); // loadFactor, threshold
  if (reader.u8() !== TC_BLOCKDATA) throw new JavaStreamError(false);
  const block = reader.take(reader.u8());
  if (block.length < 8) throw new JavaStreamError(false);
  const size = new DataView(block.buffer, block.byteOffset, block.length).getInt32(4);
  if (size < 0 || size > bytes.length) throw new JavaStreamError(false);
  const map = new Map<string, string>();
  for (let i = 0; i < size; i++) {
    const key = readString(reader);
    map.set(key, readString(reader));
  }
  return map;
}

/** Writes the same layout as ObjectOutputStream for a HashMap<String,String>; used by tests. */
export function writeSerializedStringMap(entries: ReadonlyMap<string, string>): Uint8Array {
  const parts: number[] = [];
  const u16 = (v: number) => parts.push((v >> 8) & 0xff, v & 0xff);
  const u32 = (v: number) =>
    parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  const utf = (s: string) => {
    const encoded = Buffer.from(s, 'utf8');
    u16(encoded.length);
    for (const byte of encoded) parts.push(byte);
  };
  u16(MAGIC);
  u16(VERSION);
  parts.push(TC_OBJECT, TC_CLASSDESC);
  utf('java.util.HashMap');
  parts.push(0x05, 0x07, 0xda, 0xc1, 0xc3, 0x16, 0x60, 0xd1); // serialVersionUID 362498820763181265
  parts.push(0x03); // SC_WRITE_METHOD | SC_SERIALIZABLE
  u16(2);
  parts.push('F'.charCodeAt(0));
  utf('loadFactor');
  parts.push('I'.charCodeAt(0));
  utf('threshold');
  parts.push(TC_ENDBLOCKDATA, TC_NULL);
  parts.push(0x3f, 0x40, 0x00, 0x00); // 0.75f
  u32(12);
  parts.push(TC_BLOCKDATA, 8);
  u32(16);
  u32(entries.size);
  for (const [key, value] of entries) {
    parts.push(TC_STRING);
    utf(key);
    parts.push(TC_STRING);
    utf(value);
  }
  return Uint8Array.from(parts);
}
