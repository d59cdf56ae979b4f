/** Gate states, one Int32 in shared memory. */
const FREE = 0;
const SERVER = 1;
const CHECKPOINTER = 2;

/**
 * Whose turn it is to write in this process: the server's write queue, or the WAL checkpointer's
 * last pass (a worker thread). That pass must find no commit landing while it copies the last
 * frames, so that the server's next write starts the WAL over; SQLite gives no way to ask for
 * that without taking its write lock, and a connection that finds the lock taken sleeps in its
 * busy handler, 1, 2, 5, 10, 15 ms and on: the server's thread asleep holds every request of the
 * process (that was the verify p99, 33 ms). With the gate the server sees the checkpointer is at
 * it without sleeping: it keeps serving and queueing, and commits everything queued the moment
 * the checkpointer lets go. Other processes on the same database are arbitrated by SQLite.
 */
export interface WriteGate {
  /** Shared with the checkpointer's thread (see wal-checkpointer.ts for its side). */
  readonly buffer: SharedArrayBuffer;
  /** Takes the gate for the server's thread if it is free; never blocks. */
  tryEnter(): boolean;
  /** Takes the gate, waiting for the checkpointer if need be (shutdown only). */
  enter(): void;
  leave(): void;
  /** Runs `resume` once, when the checkpointer has let go (or at once if it has). */
  whenFree(resume: () => void): void;
  /**
   * The checkpointer said it let go: wakes whoever waits in `whenFree`. The message may arrive
   * late, after the checkpointer took the gate again; a waiter then just waits again.
   */
  released(): void;
  /** The checkpointer's thread is gone: the gate is freed even if it died holding it. */
  abandoned(): void;
}

/**
 * A holder that does not let go within this is taken to be stuck; SQLite still arbitrates the
 * writes themselves. The checkpointer's pass under the gate takes milliseconds (an fsync or two;
 * a RESTART gives up after its short busy timeout).
 */
const MAX_WAIT_MS = 5_000;

export function createWriteGate(): WriteGate {
  const buffer = new SharedArrayBuffer(4);
  const state = new Int32Array(buffer);
  let waiting: (() => void)[] = [];
  const wake = () => {
    const resumes = waiting;
    waiting = [];
    for (const resume of resumes) resume();
  };
  return {
    buffer,
    tryEnter: () => Atomics.compareExchange(state, 0, FREE, SERVER) === FREE,
    enter() {
      const deadline = Date.now() + MAX_WAIT_MS;
      while (Atomics.compareExchange(state, 0, FREE, SERVER) !== FREE) {
        if (Date.now() > deadline) {
          Atomics.store(state, 0, SERVER);
          return;
        }
        Atomics.wait(state, 0, CHECKPOINTER, 10);
      }
    },
    leave() {
      Atomics.compareExchange(state, 0, SERVER, FREE);
      // The checkpointer may be waiting for the server's commit to end.
      Atomics.notify(state, 0);
    },
    whenFree(resume) {
      if (Atomics.load(state, 0) === FREE) resume();
      else waiting.push(resume);
    },
    released: wake,
    abandoned() {
      Atomics.compareExchange(state, 0, CHECKPOINTER, FREE);
      wake();
    },
  };
}

/** The checkpointer's side, as source for its eval'd worker (it cannot import this module). */
export const CHECKPOINTER_GATE_SOURCE = `
const gateState = new Int32Array(workerData.gate);
const enterGate = () => {
  while (Atomics.compareExchange(gateState, 0, ${FREE}, ${CHECKPOINTER}) !== ${FREE})
    Atomics.wait(gateState, 0, ${SERVER}, 10);
};
const leaveGate = () => {
  // Only its own turn: the server may have taken the gate by force after waiting too long.
  Atomics.compareExchange(gateState, 0, ${CHECKPOINTER}, ${FREE});
  parentPort.postMessage('released');
};
`;
