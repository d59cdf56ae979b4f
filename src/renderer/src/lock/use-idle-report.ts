import { useEffect } from 'react';
import type { LockStatus } from '../../../shared/contract/lock';
import { call } from '../bridge/bridge';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;
/** At most one report a second: main only needs to know the person is still there. */
const REPORT_EVERY_MS = 1000;

/**
 * Tells main about the person's activity, which restarts its idle timer, and looks at the lock
 * status once the idle time has passed, so the lock screen appears without waiting for a call.
 */
export function useIdleReport(status: LockStatus | null, refresh: () => Promise<void>): void {
  const seconds =
    status && !status.locked && status.protection === 'password' ? status.autoLockSeconds : 0;
  useEffect(() => {
    if (seconds <= 0) return;
    let lastReport = 0;
    let check: ReturnType<typeof setTimeout> | undefined;
    const scheduleCheck = () => {
      clearTimeout(check);
      check = setTimeout(() => void refresh(), seconds * 1000 + 500);
    };
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport >= REPORT_EVERY_MS) {
        lastReport = now;
        void call('lock.activity', {}).catch(() => undefined);
      }
      scheduleCheck();
    };
    scheduleCheck();
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(check);
      for (const type of ACTIVITY_EVENTS) {
        window.removeEventListener(type, onActivity, { capture: true });
      }
    };
  }, [seconds, status, refresh]);
}
