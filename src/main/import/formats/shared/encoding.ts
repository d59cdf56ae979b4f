import { malformed } from './errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Strict base64 (standard or URL alphabet, padding optional); IMPORT_MALFORMED otherwise. */
export function decodeBase64(value: string, format: string, what: string): Uint8Array {
  const cleaned = value.replace(/\s+/g, '');
  if (
    (!BASE64.test(cleaned) && !BASE64URL.test(cleaned)) ||
    cleaned.replace(/=+$/, '').length % 4 === 1
  ) {
    throw malformed(format, `${what} is not valid base64`);
  }
  return new Uint8Array(Buffer.from(cleaned, BASE64.test(cleaned) ? 'base64' : 'base64url'));
}

export function decodeHex(value: string, format: string, what: string): Uint8Array {
  const cleaned = value.replace(/\s+/g, '');
  if (!HEX.test(cleaned)) throw malformed(format, `${what} is not valid hexadecimal`);
  return new Uint8Array(Buffer.from(cleaned, 'hex'));
}

/** Java serialises byte[] as signed numbers (-128..127); some apps write them unsigned. */
export function bytesFromNumbers(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values, (v) => v & 0xff);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** ASCII view of a prefix, for cheap signature sniffing in binary files. */
export function asciiPrefix(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.subarray(0, length)).toString('latin1');
}

export function startsWithBytes(bytes: Uint8Array, prefix: string): boolean {
  return asciiPrefix(bytes, prefix.length) === prefix;
}
