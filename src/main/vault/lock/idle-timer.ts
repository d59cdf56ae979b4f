/** Calls `onIdle` once nothing has touched it for the set time; 0 seconds means never. */
export function createIdleTimer(onIdle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ms = 0;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const touch = () => {
    stop();
    if (ms <= 0) return;
    timer = setTimeout(onIdle, ms);
    // An idle timer alone must not keep a CLI or test process alive.
    timer.unref?.();
  };
  return {
    start(seconds: number) {
      ms = seconds * 1000;
      touch();
    },
    touch,
    stop,
  };
}
