import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { ClientView } from '../../../shared/contract/admin';
import type { TesseraError } from '../../../shared/errors';
import { call } from '../bridge/bridge';
import { asTesseraError } from '../vault/vault-context';

interface AdminClients {
  clients: ClientView[];
  error: TesseraError | null;
  loaded: boolean;
  reload(): Promise<void>;
  /** Client names for tables and filters; ids of unknown clients are shown as they are. */
  nameOf(clientId: string | null): string;
}

const ClientsContext = createContext<AdminClients | null>(null);

/** The API clients, loaded once for every console view (filters, names, policy, the list). */
export function ClientsProvider({ children }: { children: ReactNode }) {
  const [clients, setClients] = useState<ClientView[]>([]);
  const [error, setError] = useState<TesseraError | null>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(
    () =>
      call('admin.clients', {}).then(
        (list) => {
          setClients(list);
          setError(null);
          setLoaded(true);
        },
        (failure: unknown) => setError(asTesseraError(failure)),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const value = useMemo<AdminClients>(() => {
    const names = new Map(clients.map((c) => [c.id, c.name]));
    return {
      clients,
      error,
      loaded,
      reload,
      nameOf: (id) => (id === null ? '—' : (names.get(id) ?? id)),
    };
  }, [clients, error, loaded, reload]);
  return <ClientsContext.Provider value={value}>{children}</ClientsContext.Provider>;
}

export function useAdminClients(): AdminClients {
  const value = useContext(ClientsContext);
  if (!value) throw new Error('useAdminClients needs a ClientsProvider');
  return value;
}

/** A "Client" filter: every client, or one. */
export function ClientFilter({
  value,
  onChange,
}: {
  value: string;
  onChange(value: string): void;
}) {
  const { clients } = useAdminClients();
  return (
    <label className="admin-filter">
      <span>Client</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All clients</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
