/**
 * Worker-thread source that gives the thread the lowest scheduling priority. The server's
 * background threads (the WAL checkpointer, the codes-ahead worker) work in bursts: a checkpoint
 * every 100 ms, every cached factor's next code at each step change. On a machine whose cores
 * are all busy (the request thread and the apps calling it), a burst at normal priority takes a
 * core from the request thread or its callers for a scheduler slice, a few milliseconds that
 * show in the latency tail; at nice 19 it takes the time they leave. Neither thread's work is
 * urgent: a late checkpoint only lets the WAL grow, and a late code is computed on the request
 * thread as before.
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
