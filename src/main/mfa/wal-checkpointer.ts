import { Worker } from 'node:worker_threads';
import type { Db } from '../store/database';
import { CHECKPOINTER_GATE_SOURCE, type WriteGate } from './write-gate';

/** How often the worker copies the WAL into the database. */
const INTERVAL_MS = 100;
/**
 * Past this many WAL frames the worker also makes the next write restart the WAL. The last pass
 * holds the server's writes for an fsync or two (measured 8-37 ms here): under full load, every
 * 4,000 frames put that pause into the p99 (15 ms); every 25,000 it stays out (7-11 ms). Under a
 * sustained full load the WAL file then reaches about 100 MB (twice that with a second process
 * writing, before a RESTART), and keeps that size afterwards: SQLite reuses the file.
 */
const RESTART_FRAMES = 25_000;
/** Frames the last free pass may leave to copy while the server's writes wait for the gate. */
const RESTART_LEFTOVER = 100;
/** How long a RESTART (another process writing) may wait for writers and readers. */
const RESTART_BUSY_MS = 100;
/** A RESTART that gave up is tried again after this many ticks. */
const BACK_OFF_TICKS = 10;

/**
 * Runs in a worker thread with its own connection. PASSIVE never blocks the server's writes; but
 * under steady load some commit always lands while it runs, so the WAL would never be fully
 * copied and the server's writes would never start it over: it would grow without end. When it
 * is long, passes repeat until little is left, and the last pass runs holding the write gate
 * (write-gate.ts): every frame is then copied when the server next writes, and that write starts
 * the WAL from the beginning. SQLite's RESTART mode did the same by holding the write lock, which
 * put the server's thread to sleep in its busy handler for 20–33 ms under random-user load.
 *
 * It runs at normal priority: at nice 19 (tried), with every core busy, it barely ran and the
 * WAL stopped starting over.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// The cipher the server's connection reads the file with (new and older databases differ).
db.pragma("cipher='" + workerData.cipher + "'");
db.pragma("hexkey='" + Buffer.from(workerData.key).toString('hex') + "'");
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
${CHECKPOINTER_GATE_SOURCE}
let timer;
// The log length a complete last pass left: until the server writes again there is nothing to do.
let lastComplete = -1;
// Ticks to skip after a RESTART that gave up.
let backOff = 0;
const tick = () => {
  try {
    let [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (backOff > 0) backOff--;
    else if (r.log >= workerData.restartFrames && r.log !== lastComplete) {
      // Each pass copies what landed while the one before ran (\`log\` is the WAL's length when
      // a pass starts), without holding anyone, until little is left.
      for (
        let pass = 0, before = 0;
        pass < 8 && r.log - before > ${RESTART_LEFTOVER};
        pass++
      ) {
        before = r.log;
        [r] = db.pragma('wal_checkpoint(PASSIVE)');
      }
      // The last few frames with the server's writes held, so that every frame is copied
      // when the server next writes: that write starts the WAL from the beginning again. The
      // gate holds this process only: if the WAL grew past twice the mark anyway, another
      // process keeps writing, and a RESTART makes SQLite hold every writer, for a short
      // while at most (the gate holds our server meanwhile).
      const restart = r.log >= 2 * workerData.restartFrames;
      if (restart) db.pragma('busy_timeout = ${RESTART_BUSY_MS}');
      enterGate();
      try {
        [r] = db.pragma(restart ? 'wal_checkpoint(RESTART)' : 'wal_checkpoint(PASSIVE)');
      } finally {
        leaveGate();
        if (restart) db.pragma('busy_timeout = 1000');
      }
      // A RESTART that gave up (a long reader, say) is not retried at once: it holds writers.
      if (restart && r.busy) backOff = ${BACK_OFF_TICKS};
      else if (r.checkpointed === r.log) lastComplete = r.log;
    }
  } catch (error) {
    // SQLITE_BUSY: another checkpointer (a second process) is at it; try again next time.
    if (error.code !== 'SQLITE_BUSY') throw error;
  }
  timer = setTimeout(tick, ${INTERVAL_MS});
};
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
tick();
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Checkpoints off the request thread. SQLite's automatic checkpoint runs inside the COMMIT that
 * crosses 1,000 WAL frames: it decrypts and re-encrypts each page and fsyncs twice, stalling
 * every request of that batch (measured: verify p99 8.5 ms with it, 4 ms without, and about
 * 4 µs of CPU per verify). The worker does that work on the other core; the server's connection
 * stops checkpointing itself only once the worker runs, and resumes if the worker fails.
 */
export function startWalCheckpointer(
  db: Db,
  key: Buffer,
  gate: WriteGate,
  restartFrames = RESTART_FRAMES,
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3-multiple-ciphers'),
      file: db.name,
      cipher: String(db.pragma('cipher', { simple: true })),
      key: new Uint8Array(key),
      gate: gate.buffer,
      restartFrames,
    },
  });
  worker.on('message', () => gate.released());
  let running = true;
  const fallBack = () => {
    if (running && db.open) db.pragma('wal_autocheckpoint = 1000');
    running = false;
    gate.abandoned();
  };
  // Whatever went wrong, the connection checkpoints itself again; no detail can leak the key.
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  worker.once('online', () => {
    if (running && db.open) db.pragma('wal_autocheckpoint = 0');
  });
  worker.unref();
  return {
    async stop() {
      if (!running) return;
      running = false;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
