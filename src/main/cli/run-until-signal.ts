/** Keeps a server command alive until SIGINT/SIGTERM, then closes it once and exits cleanly. */
export function runUntilSignal(close: () => Promise<void> | void): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.resolve()
      .then(close)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
