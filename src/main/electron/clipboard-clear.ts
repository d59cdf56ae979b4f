import { clipboard } from 'electron';

const MAX_CLEAR_MS = 5 * 60 * 1000;

/** Writes a code to the clipboard and clears it later, only if it still holds that code. */
export function copyThenClear(text: string, clearAfterMs: unknown): void {
  clipboard.writeText(text);
  const delay =
    typeof clearAfterMs === 'number' ? Math.min(Math.max(clearAfterMs, 0), MAX_CLEAR_MS) : 30_000;
  // Only clear what we put there: the person may have copied something else since.
  setTimeout(() => {
    void Promise.resolve(clipboard.readText()).then((current) => {
      if (current === text) clipboard.clear();
    });
  }, delay).unref();
}
