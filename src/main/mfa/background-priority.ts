/**
 * Worker-thread source that gives the thread the lowest scheduling priority, for background work
 * whose lateness costs nothing: the codes-ahead worker computes every cached factor's next code
 * in bursts at each step change, and a code it has not computed yet is computed on the request
 * thread as before. On a machine whose cores are all busy (the request thread and the apps
 * calling it), such a burst at normal priority takes a core from them for a scheduler slice, a
 * few milliseconds that show in the latency tail; at nice 19 it takes the time they leave. (Not
 * for the WAL checkpointer: see wal-checkpointer.ts.)
 *
 * Linux only: there the nice value belongs to the thread. Elsewhere it would lower the whole
 * process (macOS, Windows), so nothing is done.
 */
export const LOWEST_PRIORITY_SOURCE = `
if (process.platform === 'linux') {
  try {
    require('node:os').setPriority(0, 19);
  } catch {
    // Not permitted (a sandbox): normal priority, as before.
  }
}
`;
