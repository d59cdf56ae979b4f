/** Wrong passwords allowed before any wait: typos happen. */
export const FREE_ATTEMPTS = 3;
/** The wait never grows past this, so a person is never shut out for good. */
export const MAX_DELAY_MS = 5 * 60 * 1000;

/**
 * How long to wait before the next try after `failures` wrong passwords in a row: nothing for
 * the first few, then 1 s, 2 s, 4 s… doubling up to five minutes.
 */
export function unlockDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_DELAY_MS);
}
