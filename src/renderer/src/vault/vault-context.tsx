import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { AccountView } from '../../../shared/account';
import type { ChannelInput } from '../../../shared/contract';
import { TesseraError } from '../../../shared/errors';
import { call } from '../bridge/bridge';
import { organiseActions, type OrganiseActions } from './organise-actions';

export type LoadState =
  { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: TesseraError };

export interface Vault extends OrganiseActions {
  accounts: AccountView[];
  load: LoadState;
  /** Re-reads every account from main (e.g. after an import added many). */
  reload(): Promise<void>;
  add(input: ChannelInput<'vault.add'>): Promise<AccountView>;
  addUri(uri: string): Promise<AccountView>;
  /** Renames; sets the note and tags too when given. */
  update(
    id: string,
    issuer: string,
    name: string,
    extra?: { note?: string; tags?: string[] },
  ): Promise<AccountView>;
  remove(id: string): Promise<void>;
  /** Keeps the list in step after main advanced an HOTP counter. */
  counterAdvanced(id: string): void;
}

const VaultContext = createContext<Vault | null>(null);

export function asTesseraError(error: unknown): TesseraError {
  if (error instanceof TesseraError) return error;
  return new TesseraError('INTERNAL', 'Tessera could not reach its vault. Try again.');
}

function fetchAccounts(): Promise<AccountView[] | TesseraError> {
  return call('vault.list', {}).catch(asTesseraError);
}

export function VaultProvider({ children }: { children: ReactNode }) {
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });

  const apply = useCallback((result: AccountView[] | TesseraError) => {
    if (result instanceof TesseraError) {
      setLoad({ status: 'failed', error: result });
    } else {
      setAccounts(result);
      setLoad({ status: 'ready' });
    }
  }, []);
  const reload = useCallback(() => fetchAccounts().then(apply), [apply]);

  useEffect(() => {
    void fetchAccounts().then(apply);
  }, [apply]);

  const vault = useMemo<Vault>(() => {
    const replace = (view: AccountView) =>
      setAccounts((list) => list.map((a) => (a.id === view.id ? view : a)));
    const append = (view: AccountView) => setAccounts((list) => [...list, view]);
    return {
      accounts,
      load,
      reload,
      ...organiseActions(setAccounts),
      add: async (input) => {
        const view = await call('vault.add', input);
        append(view);
        return view;
      },
      addUri: async (uri) => {
        const view = await call('vault.addUri', { uri });
        append(view);
        return view;
      },
      update: async (id, issuer, name, extra = {}) => {
        const view = await call('vault.update', { id, issuer, name, ...extra });
        replace(view);
        return view;
      },
      remove: async (id) => {
        await call('vault.delete', { id });
        setAccounts((list) => list.filter((a) => a.id !== id));
      },
      counterAdvanced: (id) =>
        setAccounts((list) =>
          list.map((a) => (a.id === id ? { ...a, counter: a.counter + 1 } : a)),
        ),
    };
  }, [accounts, load, reload]);

  return <VaultContext.Provider value={vault}>{children}</VaultContext.Provider>;
}

export function useVault(): Vault {
  const vault = useContext(VaultContext);
  if (!vault) throw new Error('useVault needs a VaultProvider');
  return vault;
}
