import { useState } from 'react';
import type { ClientView } from '../../../shared/contract/admin';
import { useAdminClients } from './clients-context';
import { PolicyForm } from './policy-form';

/** The MFA policy of one client at a time (the first until another is chosen); revoked clients are left out. */
export function PolicyView() {
  const { clients, loaded } = useAdminClients();
  const active = clients.filter((c) => c.revokedAt === null);
  const [clientId, setClientId] = useState('');
  const chosen: ClientView | undefined = active.find((c) => c.id === clientId) ?? active[0];

  return (
    <section className="admin-section" aria-labelledby="admin-policy-title">
      <h2 id="admin-policy-title" tabIndex={-1} data-focus-home>
        Policy
      </h2>
      {loaded && active.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">No active API clients</p>
          <p>Each client has its own MFA policy. Create a client first.</p>
        </div>
      )}
      {chosen && (
        <>
          <label className="admin-filter">
            <span>Client</span>
            <select value={chosen.id} onChange={(e) => setClientId(e.target.value)}>
              {active.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <PolicyForm key={chosen.id} client={chosen} />
        </>
      )}
    </section>
  );
}
