import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { Poly1305 } from '@noble/ciphers/_poly1305.js';
import { timingSafeEqual } from 'node:crypto';

/**
 * Reader for libsodium's crypto_secretstream_xchacha20poly1305 (what Ente uses for exports), built
 * on noble's ChaCha20, HChaCha20 and Poly1305 exactly as libsodium's
 * crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c does it:
 *  - init: k = HChaCha20(key, header[0..16]); nonce = counter (LE32, starts at 1) || header[16..24]
 *  - each message: c = tag⊕ks[64] || m⊕ks(counter 2…) || MAC, MAC = Poly1305 over
 *    ad, pad, block(64), c, (mlen mod 16 zeros), le64(adlen), le64(64 + mlen), keyed ks(counter 0)[0..32]
 *  - after each message: inonce ^= mac[0..8], counter += 1, rekey on TAG_REKEY or counter wrap.
 */

export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_ABYTES = 17;
export const TAG_MESSAGE = 0;
export const TAG_PUSH = 1;
export const TAG_REKEY = 2;
export const TAG_FINAL = TAG_PUSH | TAG_REKEY;

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

function wordBytes(values: Uint32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((value, i) => view.setUint32(i * 4, value, true));
  return out;
}

function le64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

const ZERO_PAD = new Uint8Array(16);
const padLength = (length: number): number => (16 - (length % 16)) % 16;

interface StreamState {
  key: Uint8Array;
  /** counter (4 bytes LE) || inonce (8 bytes) */
  nonce: Uint8Array;
}

export function secretstreamInit(key: Uint8Array, header: Uint8Array): StreamState {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES)
    throw new RangeError('bad key or header length');
  const subkey = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkey);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  return { key: wordBytes(subkey), nonce };
}

function mac(
  state: StreamState,
  block: Uint8Array,
  ciphertext: Uint8Array,
  ad: Uint8Array,
): Uint8Array {
  const polyKey = chacha20(state.key, state.nonce, new Uint8Array(64), undefined, 0).subarray(
    0,
    32,
  );
  const poly = new Poly1305(polyKey);
  poly.update(ad).update(ZERO_PAD.subarray(0, padLength(ad.length)));
  // libsodium pads with (0x10 - 64 + mlen) & 0xf zero bytes, i.e. mlen mod 16 (not up to a
  // 16-byte boundary); reproduced exactly, or no real file would authenticate.
  poly
    .update(block)
    .update(ciphertext)
    .update(ZERO_PAD.subarray(0, ciphertext.length % 16));
  poly.update(le64(ad.length)).update(le64(64 + ciphertext.length));
  return poly.digest();
}

function advance(state: StreamState, tag: number, macBytes: Uint8Array): void {
  for (let i = 0; i < 8; i++)
    state.nonce[4 + i] = (state.nonce[4 + i] as number) ^ (macBytes[i] as number);
  const view = new DataView(state.nonce.buffer, state.nonce.byteOffset, 4);
  const counter = (view.getUint32(0, true) + 1) >>> 0;
  view.setUint32(0, counter, true);
  if ((tag & TAG_REKEY) !== 0 || counter === 0) rekey(state);
}

function rekey(state: StreamState): void {
  const material = new Uint8Array(40);
  material.set(state.key, 0);
  material.set(state.nonce.subarray(4, 12), 32);
  const mixed = chacha20(state.key, state.nonce, material, undefined, 0);
  state.key = mixed.slice(0, 32);
  state.nonce.set(mixed.subarray(32, 40), 4);
  new DataView(state.nonce.buffer, state.nonce.byteOffset, 4).setUint32(0, 1, true);
}

/** Decrypts one message; undefined when it fails authentication (wrong key or altered data). */
export function secretstreamPull(
  state: StreamState,
  sealed: Uint8Array,
  ad = new Uint8Array(0),
): { message: Uint8Array; tag: number } | undefined {
  if (sealed.length < SECRETSTREAM_ABYTES) return undefined;
  const ciphertext = sealed.subarray(1, sealed.length - 16);
  const block = new Uint8Array(64);
  block[0] = sealed[0] as number;
  const keystreamBlock = chacha20(state.key, state.nonce, block, undefined, 1);
  const tag = keystreamBlock[0] as number;
  keystreamBlock[0] = sealed[0] as number;
  const expected = mac(state, keystreamBlock, ciphertext, ad);
  const stored = sealed.subarray(sealed.length - 16);
  if (!timingSafeEqual(expected, stored)) return undefined;
  const message = chacha20(state.key, state.nonce, ciphertext, undefined, 2);
  advance(state, tag, stored);
  return { message, tag };
}

/** The writing side, used by tests to build fixtures the way Ente's libsodium call does. */
export function secretstreamPush(
  state: StreamState,
  message: Uint8Array,
  tag: number,
  ad = new Uint8Array(0),
): Uint8Array {
  const block = new Uint8Array(64);
  block[0] = tag;
  const keystreamBlock = chacha20(state.key, state.nonce, block, undefined, 1);
  const ciphertext = chacha20(state.key, state.nonce, message, undefined, 2);
  const macBytes = mac(state, keystreamBlock, ciphertext, ad);
  const out = new Uint8Array(1 + ciphertext.length + 16);
  out[0] = keystreamBlock[0] as number;
  out.set(ciphertext, 1);
  out.set(macBytes, 1 + ciphertext.length);
  advance(state, tag, macBytes);
  return out;
}
