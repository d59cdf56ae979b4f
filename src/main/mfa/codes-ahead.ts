import { Worker } from 'node:worker_threads';
import { dynamicTruncation } from '../core/otp';
import { MAX_CACHED_FACTORS } from './factor-cache';
import { TOTP_PERIOD_SECONDS } from './totp';

/** The HMACs of one factor's steps, computed ahead of the verifies that need them. */
export interface AheadCodes {
  /** The 31-bit dynamic truncation of the factor's HMAC at `step`, if it is ready; else undefined. */
  truncatedAt(step: number): number | undefined;
  /** The factor left the cache: the worker forgets its secret. */
  release(): void;
}

export interface CodesAhead {
  /** Starts computing this secret's codes; undefined when no worker runs (or every slot is taken). */
  track(secret: Buffer): AheadCodes | undefined;
  /** Every tracked factor left the cache at once. */
  releaseAll(): void;
  start(options?: { periodMs?: number }): { stop(): Promise<void> };
}

/** Steps kept per factor: now - 1 to now + 2, so the window ±1 stays covered across a step change. */
const SPAN = 4;
const MAC_BYTES = 20;
/** Per slot: a sequence number (odd while the worker writes), the generation, the first step. */
const HEADER_WORDS = 3;
const STRIDE_WORDS = 24;
const STRIDE_BYTES = STRIDE_WORDS * 4;
/** A slot per cached factor. */
const MAX_SLOTS = MAX_CACHED_FACTORS;
/** Slots refreshed per tick after a step change: 500,000 take about 12 s of a 30 s step. */
const REFRESH_PER_TICK = 4096;
const TICK_MS = 100;
/** The message that drops every secret (in place of a slot number). */
const FORGET_ALL = -1;

/**
 * Runs in a worker thread. It holds the secrets of the cached factors and keeps, for each, the
 * HMAC-SHA-1 of steps now - 1 to now + 2 in the shared table; a step change shifts each slot by
 * one, so a factor costs one HMAC per step here instead of one or more per verify on the request
 * thread. Each slot is a seqlock: odd sequence number while written, so a reader that saw it
 * change or odd computes the code itself.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { periodMs } = workerData;
const words = new Int32Array(workerData.table);
const bytes = new Uint8Array(workerData.table);
const secrets = new Map();
const counter = Buffer.alloc(8);
const firstStep = () => Math.floor(Date.now() / periodMs) - 1;
function mac(secret, step) {
  counter.writeUInt32BE(Math.floor(step / 0x100000000), 0);
  counter.writeUInt32BE(step >>> 0, 4);
  return createHmac('sha1', secret).update(counter).digest();
}
function fill(slot, gen, secret, base) {
  const o = slot * ${STRIDE_WORDS};
  const at = slot * ${STRIDE_BYTES} + ${HEADER_WORDS * 4};
  // Only this thread writes the table: what the slot holds already is read without the lock.
  const oldBase = words[o + 1] === gen ? words[o + 2] : NaN;
  const macs = [];
  for (let i = 0; i < ${SPAN}; i++) {
    const kept = base + i - oldBase;
    macs.push(kept >= 0 && kept < ${SPAN}
      ? bytes.slice(at + kept * ${MAC_BYTES}, at + (kept + 1) * ${MAC_BYTES})
      : mac(secret, base + i));
  }
  Atomics.add(words, o, 1);
  words[o + 1] = gen;
  words[o + 2] = base;
  macs.forEach((m, i) => bytes.set(m, at + i * ${MAC_BYTES}));
  Atomics.add(words, o, 1);
}
function clear(slot) {
  const o = slot * ${STRIDE_WORDS};
  Atomics.add(words, o, 1);
  words.fill(0, o + 1, o + ${STRIDE_WORDS});
  Atomics.add(words, o, 1);
}
let base = firstStep();
let stale = [];
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    parentPort.close();
    return;
  }
  for (const [slot, gen, secret] of message) {
    if (slot === ${FORGET_ALL}) {
      for (const known of secrets.keys()) clear(known);
      secrets.clear();
      stale = [];
    } else if (secret === null) {
      if (secrets.get(slot)?.[0] === gen) {
        secrets.delete(slot);
        clear(slot);
      }
    } else {
      secrets.set(slot, [gen, Buffer.from(secret)]);
      secret.fill(0);
      fill(slot, gen, secrets.get(slot)[1], base);
    }
  }
});
const timer = setInterval(() => {
  const now = firstStep();
  if (now !== base) {
    base = now;
    stale = [...secrets.keys()];
  }
  for (let n = 0; n < ${REFRESH_PER_TICK} && stale.length > 0; n++) {
    const slot = stale.pop();
    const entry = secrets.get(slot);
    if (entry) fill(slot, entry[0], entry[1], base);
  }
}, ${TICK_MS});
`;

type Message = [slot: number, gen: number, secret: Uint8Array | null];

/**
 * TOTP codes computed ahead, on the other core: the HMAC is the largest CPU cost of a verify on
 * the request thread, and the codes a cached factor will need (this step's and its neighbours')
 * are known before anyone asks. The secrets go to the worker once, when a factor is cached, and
 * stay in this process's memory as they do in the factor cache. Without a worker (the CLI,
 * tests of the services), or when a code is not ready, the verify computes it as before.
 */
export function createCodesAhead(): CodesAhead {
  let worker: Worker | null = null;
  let words: Int32Array | null = null;
  let bytes: Buffer | null = null;
  const free: number[] = [];
  let nextSlot = 0;
  let generation = 0;
  // Bumped by releaseAll: what was tracked before no longer owns a slot to give back.
  let epoch = 0;
  let outbox: Message[] = [];

  const post = (message: Message) => {
    if (outbox.length === 0) setImmediate(flush);
    outbox.push(message);
  };
  function flush(): void {
    const messages = outbox;
    outbox = [];
    worker?.postMessage(messages);
  }

  function track(secret: Buffer): AheadCodes | undefined {
    if (!worker || !words || !bytes) return undefined;
    const slot = free.pop() ?? (nextSlot < MAX_SLOTS ? nextSlot++ : -1);
    if (slot < 0) return undefined;
    const gen = (generation = (generation % 0x7fff_ffff) + 1);
    post([slot, gen, new Uint8Array(secret)]);
    const table = { words, bytes };
    const trackedIn = epoch;
    let released = false;
    return {
      truncatedAt(step) {
        const o = slot * STRIDE_WORDS;
        const seq = Atomics.load(table.words, o);
        if (seq & 1 || table.words[o + 1] !== gen) return undefined;
        const index = step - table.words[o + 2]!;
        if (index < 0 || index >= SPAN) return undefined;
        const at = slot * STRIDE_BYTES + HEADER_WORDS * 4 + index * MAC_BYTES;
        const value = dynamicTruncation(table.bytes, at, MAC_BYTES);
        // Written meanwhile: the value may mix two writes.
        return Atomics.load(table.words, o) === seq ? value : undefined;
      },
      release() {
        if (released || trackedIn !== epoch || !worker) return;
        released = true;
        post([slot, gen, null]);
        free.push(slot);
      },
    };
  }

  return {
    track,
    releaseAll() {
      epoch++;
      free.length = 0;
      nextSlot = 0;
      // Generations keep counting, so what was tracked before cannot read a new slot's codes.
      if (worker) post([FORGET_ALL, 0, null]);
    },
    start({ periodMs = TOTP_PERIOD_SECONDS * 1000 } = {}) {
      const table = new SharedArrayBuffer(MAX_SLOTS * STRIDE_BYTES);
      const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { table, periodMs } });
      worker = started;
      words = new Int32Array(table);
      bytes = Buffer.from(table);
      started.unref();
      const stopped = () => {
        if (worker !== started) return;
        worker = null;
        words = null;
        bytes = null;
        outbox = [];
      };
      // Codes are then computed on the request thread again; nothing is lost.
      started.on('error', stopped);
      started.on('exit', stopped);
      return {
        async stop() {
          if (worker !== started) return;
          const exited = new Promise((resolve) => started.once('exit', resolve));
          started.postMessage('stop');
          stopped();
          await exited;
        },
      };
    },
  };
}
