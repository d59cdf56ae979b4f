/** Gate states, one Int32 in shared memory. */
const FREE = 0;
const SERVER = 1;
const CHECKPOINTER = 2;

/**
 * Whose turn it is to take SQLite's write lock in this process: the server's connection or the
 * WAL checkpointer's RESTART (a worker thread). SQLite would arbitrate between them itself, but
 * a connection that finds the lock taken sleeps in its busy handler, 1, 2, 5, 10, 15 ms and on,
 * and the server's thread asleep holds every request of the process: that was the verify p99
 * (33 ms). The gate lets the server see the checkpointer is busy without sleeping: it keeps
 * serving and queueing, and commits everything queued the moment the checkpointer lets go.
 * Other processes on the same database are still arbitrated by SQLite.
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
  /** The checkpointer let go, or is gone: wakes whoever waits in `whenFree`. */
  released(): void;
}

/** A holder that does not let go within this is taken to be gone (a checkpoint takes ms). */
const MAX_WAIT_MS = 5_000;

export function createWriteGate(): WriteGate {
  const buffer = new SharedArrayBuffer(4);
  const state = new Int32Array(buffer);
  let waiting: (() => void)[] = [];
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
      Atomics.store(state, 0, FREE);
      // The checkpointer may be waiting for the server's commit to end.
      Atomics.notify(state, 0);
    },
    whenFree(resume) {
      if (Atomics.load(state, 0) === FREE) resume();
      else waiting.push(resume);
    },
    released() {
      // A checkpointer that died holding the gate must not stop the server's writes for good.
      Atomics.compareExchange(state, 0, CHECKPOINTER, FREE);
      const resumes = waiting;
      waiting = [];
      for (const resume of resumes) resume();
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
  Atomics.store(gateState, 0, ${FREE});
  parentPort.postMessage('released');
};
`;
