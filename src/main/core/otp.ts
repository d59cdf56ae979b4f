import { createHmac } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';
import type { Algorithm, OtpParams } from '../../shared/account';

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** node:crypto's HMAC instead of otpauth's portable JS one: same result, far less CPU. */
function nodeHmac(algorithm: string, key: Uint8Array, message: Uint8Array): Uint8Array {
  return createHmac(algorithm.toLowerCase().replace('-', ''), key).update(message).digest();
}

export interface CodeSpec extends Pick<OtpParams, 'type' | 'algorithm' | 'digits' | 'period'> {
  secret: Uint8Array;
}

export function timeStep(atMs: number, period: number): number {
  return Math.floor(atMs / 1000 / period);
}

export function hotpCode(
  secret: Uint8Array,
  counter: number,
  algorithm: Algorithm,
  digits: number,
): string {
  return HOTP.generate({
    secret: new Secret({ buffer: secret.slice().buffer }),
    algorithm,
    digits,
    counter,
    hmac: nodeHmac,
  });
}

/** RFC 4226 §5.3: the 31-bit value every HOTP-family code is cut from. */
export function dynamicTruncation(mac: Buffer): number {
  const offset = mac[mac.length - 1]! & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}

/**
 * Steam Guard: the RFC 4226 dynamic truncation, then base-26 digits from Steam's alphabet
 * instead of decimal ones.
 */
export function steamCode(secret: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  let value = dynamicTruncation(createHmac('sha1', secret).update(message).digest());
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

/** The code of a time-based account (TOTP or Steam) for the given counter value. */
export function codeAtStep(spec: CodeSpec, step: number): string {
  return spec.type === 'steam'
    ? steamCode(spec.secret, step)
    : hotpCode(spec.secret, step, spec.algorithm, spec.digits);
}

export function totpCode(spec: CodeSpec, atMs: number): string {
  return codeAtStep(spec, timeStep(atMs, spec.period));
}
