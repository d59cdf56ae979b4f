import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { call, onLocked } from '../bridge/bridge';
import { LockScreen } from './lock-screen';
import type { AppLock } from './app-lock';
import type { LockStatus } from '../../../shared/contract/lock';
import { useIdleReport } from './use-idle-report';

const LockContext = createContext<AppLock | null>(null);

/** Ctrl+L (Cmd+L on a Mac) locks from anywhere in the window. */
function isLockShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l';
}

/**
 * The app lock, above the vault: while locked only the lock screen is mounted, so no account,
 * code or recovery code stays in the page. Main decides; this mirrors its status.
 */
export function LockProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [mode, setMode] = useState<'electron' | 'web'>('web');
  const refresh = useCallback(
    () =>
      call('lock.status', {}).then(
        (next) => setStatus(next),
        () => undefined,
      ),
    [],
  );

  useEffect(() => {
    void refresh();
    void call('app.info', {}).then(
      (info) => setMode(info.mode),
      () => undefined,
    );
    // Main may have locked meanwhile (idle, system lock, suspend): look again on coming back.
    const onReturn = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    const stop = onLocked(() => void refresh());
    return () => {
      stop();
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [refresh]);
  useIdleReport(status, refresh);

  const value = useMemo<AppLock | null>(() => {
    if (!status) return null;
    const run = (promise: Promise<LockStatus>) => promise.then(setStatus);
    return {
      status,
      mode,
      lock: () => run(call('lock.lock', {})),
      unlock: (password) => run(call('lock.unlock', { password })),
      setPassword: (password) => run(call('lock.setPassword', { password })),
      changePassword: (current, password) =>
        run(call('lock.changePassword', { current, password })),
      removePassword: (current) => run(call('lock.removePassword', { current })),
      setAutoLock: (seconds) => run(call('lock.setAutoLock', { seconds })),
    };
  }, [status, mode]);

  useEffect(() => {
    if (!value || value.status.protection !== 'password' || value.status.locked) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      void value.lock();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [value]);

  // Main locks before it serves a (re)loaded page, so until the status arrives the shell can show
  // (its vault calls answer LOCKED if locked); unknown status or a vault that cannot open at all
  // leaves the shell to explain.
  return (
    <LockContext.Provider value={value}>
      {value?.status.locked ? <LockScreen lock={value} /> : children}
    </LockContext.Provider>
  );
}

export type { AppLock } from './app-lock';

export function useAppLock(): AppLock {
  const lock = useContext(LockContext);
  if (!lock) throw new Error('useAppLock needs a LockProvider');
  return lock;
}

/** The lock when the vault opened; null while it could not (the shell shows the error). */
export function useOptionalAppLock(): AppLock | null {
  return useContext(LockContext);
}
