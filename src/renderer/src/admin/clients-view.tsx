import { useState } from 'react';
import type { ClientView } from '../../../shared/contract/admin';
import { call } from '../bridge/bridge';
import { useToast } from '../ui/toast';
import { AdminError } from './admin-error';
import { useAdminClients } from './clients-context';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { CreateClientDialog } from './create-client-dialog';
import { formatTime } from './format';
import { ShownOnceDialog } from './shown-once-dialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'key'; client: ClientView; key: string }
  | { kind: 'revoke'; client: ClientView }
  | null;

/** API clients: who may call the verification API, with which scope; keys are shown once. */
export function ClientsView() {
  const { clients, error, loaded, reload } = useAdminClients();
  const notify = useToast();
  const [dialog, setDialog] = useState<Dialog>(null);

  const revoke = async (client: ClientView) => {
    await call('admin.revokeClient', { clientId: client.id });
    await reload();
    setDialog(null);
    notify(`${client.name} is revoked; its key no longer works.`, 'success');
  };

  return (
    <section className="admin-section" aria-labelledby="admin-clients-title">
      <div className="admin-section-header">
        <h2 id="admin-clients-title" tabIndex={-1} data-focus-home>
          API clients
        </h2>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog({ kind: 'create' })}
        >
          Create client
        </button>
      </div>
      {error && <AdminError error={error} onRetry={() => void reload()} />}
      {loaded && clients.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">No API clients yet</p>
          <p>Create one to give an app a key for the verification API.</p>
        </div>
      )}
      {clients.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">API clients</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Client ID</th>
                <th scope="col">Scope</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.id}>
                  <th scope="row">{client.name}</th>
                  <td className="mono">{client.id}</td>
                  <td>{client.scope === 'admin' ? 'Admin' : 'Client'}</td>
                  <td className={client.revokedAt ? 'admin-failure' : undefined}>
                    {client.revokedAt ? `Revoked ${formatTime(client.revokedAt)}` : 'Active'}
                  </td>
                  <td>{formatTime(client.createdAt)}</td>
                  <td>
                    {!client.revokedAt && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setDialog({ kind: 'revoke', client })}
                      >
                        Revoke<span className="visually-hidden"> {client.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'create' && (
        <CreateClientDialog
          onClose={() => setDialog(null)}
          onCreated={({ key, ...client }) => {
            void reload();
            setDialog({ kind: 'key', client, key });
          }}
        />
      )}
      {dialog?.kind === 'key' && (
        <ShownOnceDialog
          title={`API key for ${dialog.client.name}`}
          label="API key"
          values={[dialog.key]}
          copyLabel="Copy key"
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Revoke ${dialog.client.name}?`}
          description="Its key stops working at once, for every request. This cannot be undone; the app needs a new client and key."
          confirmLabel="Revoke"
          onConfirm={() => revoke(dialog.client)}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
