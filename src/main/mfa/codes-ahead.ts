import { Worker } from 'node:worker_threads';
import { MAX_CACHED_FACTORS } from './factor-cache';
import { TOTP_PERIOD_SECONDS } from './totp';

/** The codes of one factor's steps, computed ahead of the verifies that need them. */
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
  /** `periodMs` is for tests, whose "now" must sit on the RFC 4226 vectors' counters. */
  start(options?: { periodMs?: number }): { stop(): Promise<void> };
}

/** Steps kept per factor: now - 1 to now + 2, so the window ±1 stays covered across a step change. */
const SPAN = 4;
/** Per slot: a sequence number (odd while the worker writes), the generation, the first step. */
const HEADER_WORDS = 3;
// One word per step (its truncated HMAC) and one of padding: 32 bytes, so that a slot (the
// table's memory is page-aligned) never straddles two cache lines.
const SLOT_WORDS = HEADER_WORDS + SPAN + 1;
const SLOT_BYTES = SLOT_WORDS * 4;
/** The table grows by this many slots at a time, up to one per cacheable factor. */
const SLOTS_PER_GROWTH = 16_384;
/** Slots refreshed per tick after a step change: 500,000 take about 12 s of a 30 s step. */
const REFRESH_PER_TICK = 4096;
const TICK_MS = 100;
/** The message that drops every secret (in place of a slot number). */
const FORGET_ALL = -1;

/**
 * Runs in a worker thread. It holds the secrets of the cached factors and keeps, for each, the
 * truncated HMAC-SHA-1 of steps now - 1 to now + 2 in the shared table; at each step change
 * every slot shifts by one, so a factor costs one HMAC per step here instead of one or more per
 * verify on the request thread. A slot is a seqlock: its sequence number is odd while written.
 * Every word goes through Atomics, so that no CPU may reorder the reads around the sequence
 * number's.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { periodMs } = workerData;
const words = new Int32Array(workerData.table);
const secrets = new Map();
const counter = Buffer.alloc(8);
const firstStep = () => Math.floor(Date.now() / periodMs) - 1;
function truncated(secret, step) {
  counter.writeUInt32BE(Math.floor(step / 0x100000000), 0);
  counter.writeUInt32BE(step >>> 0, 4);
  const mac = createHmac('sha1', secret).update(counter).digest();
  // RFC 4226's dynamic truncation (core/otp.ts; this source cannot import it).
  return mac.readUInt32BE(mac[mac.length - 1] & 0xf) & 0x7fffffff;
}
function fill(slot, gen, secret, base) {
  // The table holds steps as 32-bit numbers: 30 s steps stay below that until the year 4000.
  if (base < 0 || base + ${SPAN} > 0x7fffffff) return;
  const o = slot * ${SLOT_WORDS};
  // Only this thread writes the table: what the slot holds already can be kept.
  const oldBase = Atomics.load(words, o + 1) === gen ? Atomics.load(words, o + 2) : NaN;
  const next = [];
  for (let i = 0; i < ${SPAN}; i++) {
    const kept = base + i - oldBase;
    next.push(kept >= 0 && kept < ${SPAN} ? Atomics.load(words, o + ${HEADER_WORDS} + kept) : truncated(secret, base + i));
  }
  Atomics.add(words, o, 1);
  Atomics.store(words, o + 1, gen);
  Atomics.store(words, o + 2, base);
  next.forEach((word, w) => Atomics.store(words, o + ${HEADER_WORDS} + w, word));
  Atomics.add(words, o, 1);
}
function forget(slot) {
  secrets.get(slot)[1].fill(0);
  secrets.delete(slot);
  const o = slot * ${SLOT_WORDS};
  Atomics.add(words, o, 1);
  for (let w = o + 1; w < o + ${SLOT_WORDS}; w++) Atomics.store(words, w, 0);
  Atomics.add(words, o, 1);
}
let base = firstStep();
let stale = [];
let timer;
// Wakes at each step change only, and then until every slot has shifted.
const refresh = () => {
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
  // (Capped: a longer delay is not a valid timeout, and would fire at once.)
  const untilNextStep = Math.min(periodMs - (Date.now() % periodMs) + 1, 0x7fffffff);
  timer = setTimeout(refresh, stale.length > 0 ? ${TICK_MS} : untilNextStep);
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearTimeout(timer);
    for (const slot of [...secrets.keys()]) forget(slot);
    parentPort.close();
    return;
  }
  for (const [slot, gen, secret] of message) {
    if (slot === ${FORGET_ALL}) {
      for (const known of [...secrets.keys()]) forget(known);
      stale = [];
    } else if (secret === null) {
      if (secrets.get(slot)?.[0] === gen) forget(slot);
    } else {
      if (secrets.has(slot)) forget(slot);
      // Out of the shared pool of small buffers, so that zeroing it really wipes it.
      const own = Buffer.alloc(secret.length);
      own.set(secret);
      secret.fill(0);
      secrets.set(slot, [gen, own]);
      fill(slot, gen, own, base);
    }
  }
});
refresh();
`;

/** The secret is a copy of its own (never a view of a pooled buffer): it is transferred. */
type Message = [slot: number, gen: number, secret: Uint8Array<ArrayBuffer> | null];

/** A SharedArrayBuffer that can grow (Node 20+; TypeScript's ES2023 lib does not know it yet). */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(byteLength: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => GrowableSharedArrayBuffer;

/**
 * TOTP codes computed ahead, on the other core: the HMAC is the largest CPU cost of a verify on
 * the request thread, and the codes a cached factor will need (this step's and its neighbours')
 * are known before anyone asks. The secrets go to the worker once, when a factor is cached, and
 * live in this process's memory as they do in the factor cache. Without a worker (the CLI,
 * tests of the services), or when a code is not ready, the verify computes it as before.
 */
export function createCodesAhead(): CodesAhead {
  let worker: Worker | null = null;
  let table: GrowableSharedArrayBuffer | null = null;
  let words: Int32Array | null = null;
  let free: number[] = [];
  let nextSlot = 0;
  let generation = 0;
  // Bumped whenever the slots start over (releaseAll, a worker stopped): what was tracked
  // before has no slot any more, neither to read nor to give back.
  let epoch = 0;
  let outbox: Message[] = [];

  const post = (message: Message) => {
    if (outbox.length === 0) setImmediate(flush);
    outbox.push(message);
  };
  function flush(): void {
    const messages = outbox;
    if (messages.length === 0) return;
    outbox = [];
    const secrets = messages.flatMap(([, , secret]) => (secret ? [secret.buffer] : []));
    worker?.postMessage(messages, secrets);
    // Never sent (the worker stopped): wiped.
    if (!worker) for (const [, , secret] of messages) secret?.fill(0);
  }

  function startOver(): void {
    epoch++;
    free = [];
    nextSlot = 0;
  }

  function slotFor(): number {
    const slot = free.pop() ?? nextSlot++;
    const needed = (slot + 1) * SLOT_BYTES;
    if (needed > table!.byteLength) {
      if (slot >= MAX_CACHED_FACTORS) return -1;
      table!.grow(Math.min(MAX_CACHED_FACTORS, slot + SLOTS_PER_GROWTH) * SLOT_BYTES);
    }
    return slot;
  }

  function truncatedAt(
    slot: number,
    gen: number,
    step: number,
    shared: Int32Array,
  ): number | undefined {
    const o = slot * SLOT_WORDS;
    const seq = Atomics.load(shared, o);
    if (seq & 1 || Atomics.load(shared, o + 1) !== gen) return undefined;
    const index = step - Atomics.load(shared, o + 2);
    if (index < 0 || index >= SPAN) return undefined;
    const value = Atomics.load(shared, o + HEADER_WORDS + index);
    // Written meanwhile: the value may not be of this generation and base.
    return Atomics.load(shared, o) === seq ? value : undefined;
  }

  /**
   * A tracked factor's handle: one small object per cached factor, its methods shared (closures
   * per factor cost about 200 bytes each and one more memory access per verify).
   */
  class Tracked implements AheadCodes {
    private released = false;
    constructor(
      private readonly slot: number,
      private readonly gen: number,
      private readonly trackedIn: number,
    ) {}
    truncatedAt(step: number): number | undefined {
      return this.trackedIn === epoch && words
        ? truncatedAt(this.slot, this.gen, step, words)
        : undefined;
    }
    release(): void {
      if (this.released || this.trackedIn !== epoch) return;
      this.released = true;
      post([this.slot, this.gen, null]);
      free.push(this.slot);
    }
  }

  return {
    track(secret) {
      if (!worker || !words) return undefined;
      const slot = slotFor();
      if (slot < 0) return undefined;
      const gen = (generation = (generation % 0x7fff_ffff) + 1);
      post([slot, gen, new Uint8Array(secret)]);
      return new Tracked(slot, gen, epoch);
    },
    releaseAll() {
      startOver();
      // Generations keep counting, so what was tracked before cannot read a new slot's codes.
      if (worker) post([FORGET_ALL, 0, null]);
    },
    start({ periodMs = TOTP_PERIOD_SECONDS * 1000 } = {}) {
      if (worker) throw new Error('The codes-ahead worker is already running.');
      const shared = new GrowableSharedArrayBuffer(SLOTS_PER_GROWTH * SLOT_BYTES, {
        maxByteLength: MAX_CACHED_FACTORS * SLOT_BYTES,
      });
      const started = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { table: shared, periodMs },
      });
      worker = started;
      table = shared;
      words = new Int32Array(shared);
      started.unref();
      const stopped = () => {
        if (worker !== started) return;
        flush();
        worker = null;
        table = null;
        words = null;
        startOver();
      };
      // Codes are then computed on the request thread again; nothing is lost. (The error is not
      // shown: it could only be about the worker, never carries a secret, and changes nothing.)
      started.on('error', stopped);
      started.on('exit', stopped);
      return {
        async stop() {
          if (worker !== started) return;
          const exited = new Promise((resolve) => started.once('exit', resolve));
          flush();
          started.postMessage('stop');
          stopped();
          await exited;
        },
      };
    },
  };
}
