import Database from 'better-sqlite3-multiple-ciphers';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CHECKPOINTER_GATE_SOURCE, createWriteGate } from './write-gate';
import { createWriteQueue } from './write-queue';

/** A thread holding the gate the way the WAL checkpointer does, until told to let go. */
function holdInWorker(buffer: SharedArrayBuffer): Promise<{ release(): Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     ${CHECKPOINTER_GATE_SOURCE}
     enterGate();
     parentPort.postMessage('held');
     parentPort.once('message', () => { leaveGate(); parentPort.close(); });`,
    { eval: true, workerData: { gate: buffer } },
  );
  return new Promise((resolve) => {
    worker.once('message', () =>
      resolve({
        release: () =>
          new Promise<void>((done) => {
            worker.once('message', () => done());
            worker.postMessage('release');
          }),
      }),
    );
  });
}

describe('write gate', () => {
  it('the server takes a free gate without waiting, and not one the checkpointer holds', async () => {
    const gate = createWriteGate();
    expect(gate.tryEnter()).toBe(true);
    gate.leave();
    const held = await holdInWorker(gate.buffer);
    expect(gate.tryEnter()).toBe(false);
    let resumed = false;
    gate.whenFree(() => (resumed = true));
    expect(resumed).toBe(false);
    await held.release();
    gate.released();
    expect(resumed).toBe(true);
    expect(gate.tryEnter()).toBe(true);
    gate.leave();
  });

  it('a late "released" does not free a gate the checkpointer took again', () => {
    const gate = createWriteGate();
    new Int32Array(gate.buffer)[0] = 2; // the checkpointer holds it (its next pass)
    let resumed = 0;
    gate.whenFree(() => resumed++);
    gate.released(); // the message of its previous pass, handled late
    expect(gate.tryEnter()).toBe(false);
    // The waiter was woken and found it taken; what it does then is wait again.
    expect(resumed).toBe(1);
  });

  it('a checkpointer that is gone does not keep the gate', () => {
    const gate = createWriteGate();
    new Int32Array(gate.buffer)[0] = 2; // as if its thread died while holding it
    expect(gate.tryEnter()).toBe(false);
    gate.abandoned();
    expect(gate.tryEnter()).toBe(true);
  });
});

describe('write queue behind the gate', () => {
  it('keeps queueing while the checkpointer holds the gate and commits it all as one batch after', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const gate = createWriteGate();
    const queue = createWriteQueue(db, undefined, gate);
    const held = await holdInWorker(gate.buffer);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const first = queue.run(() => insert.run(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Nothing was written while the gate was held, and the event loop was never blocked.
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    const second = queue.run(() => insert.run(2));
    await held.release();
    gate.released();
    await Promise.all([first, second]);
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual([1, 2]);
  });

  it('flush() on shutdown waits for the checkpointer instead of writing beside it', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const gate = createWriteGate();
    const queue = createWriteQueue(db, undefined, gate);
    // This one lets go by itself: the server's thread is blocked in flush() meanwhile.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       ${CHECKPOINTER_GATE_SOURCE}
       enterGate();
       parentPort.postMessage('held');
       setTimeout(() => { leaveGate(); parentPort.close(); }, 100);`,
      { eval: true, workerData: { gate: gate.buffer } },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    const done = queue.run(() => db.prepare('INSERT INTO t (v) VALUES (1)').run());
    const started = Date.now();
    queue.flush();
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    await done;
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
  });
});
