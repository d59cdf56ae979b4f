import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { AccountCode } from '../../../shared/account';
import { call } from '../bridge/bridge';
import { CodeStore } from './code-store';

const CodeStoreContext = createContext<CodeStore | null>(null);

async function fetchCodes(ids: string[]): Promise<AccountCode[]> {
  return (await call('vault.codes', { ids })).codes;
}

export function CodeStoreProvider({
  children,
  onError,
}: {
  children: ReactNode;
  onError: (error: unknown) => void;
}) {
  const [store] = useState(
    () =>
      new CodeStore(fetchCodes, {
        onError,
        // The benchmark reads per-tick main-thread time from these measures.
        onTickMeasured: (ms) =>
          performance.measure('tessera:tick', { start: performance.now() - ms, duration: ms }),
        // React commits in a microtask; the frame after it is when the first code is on screen.
        onFirstCodes: () =>
          requestAnimationFrame(() => setTimeout(() => performance.mark('tessera:first-code'), 0)),
      }),
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return <CodeStoreContext.Provider value={store}>{children}</CodeStoreContext.Provider>;
}

export function useCodeStore(): CodeStore {
  const store = useContext(CodeStoreContext);
  if (!store) throw new Error('useCodeStore needs a CodeStoreProvider');
  return store;
}

/** The current/next code of one account; re-renders only when that account's code changes. */
export function useAccountCode(id: string): AccountCode | undefined {
  const store = useCodeStore();
  return useSyncExternalStore(
    (listener) => store.subscribeCode(id, listener),
    () => store.getCode(id),
  );
}

/** Whole seconds left until `validUntil`; re-renders once per second at most, on the shared tick. */
export function useSecondsLeft(validUntil: number | undefined): number | undefined {
  const store = useCodeStore();
  return useSyncExternalStore(store.subscribeTick, () =>
    validUntil === undefined
      ? undefined
      : Math.max(0, Math.ceil((validUntil - store.now()) / 1000)),
  );
}
