import { useDeferredValue, useState } from 'react';
import { AUDIT_EVENTS, type AuditEvent, type AuditEventName } from '../../../shared/api';
import { call } from '../bridge/bridge';
import { AdminError, LoadMore } from './admin-error';
import { ClientFilter, useAdminClients } from './clients-context';
import { formatTime } from './format';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 50;

function detailText(detail: AuditEvent['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

/** What happened, newest first: who acted (a client key, an admin key or this console) on whom. */
export function AuditView() {
  const { nameOf } = useAdminClients();
  const [event, setEvent] = useState<AuditEventName | ''>('');
  const [user, setUser] = useState('');
  const [clientId, setClientId] = useState('');
  const userId = useDeferredValue(user.trim());
  const filters = {
    ...(event ? { event } : {}),
    ...(userId ? { userId } : {}),
    ...(clientId ? { clientId } : {}),
  };
  const list = usePagedList(JSON.stringify(filters), (cursor) =>
    call('admin.audit', { ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <section className="admin-section" aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title" tabIndex={-1} data-focus-home>
        Audit log
      </h2>
      <div className="admin-filters" role="search" aria-label="Filter the audit log">
        <label className="admin-filter">
          <span>Event</span>
          <select value={event} onChange={(e) => setEvent(e.target.value as AuditEventName | '')}>
            <option value="">Every event</option>
            {AUDIT_EVENTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-filter">
          <span>User ID</span>
          <input type="search" value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
        <ClientFilter value={clientId} onChange={setClientId} />
      </div>
      {list.error && <AdminError error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && <p className="loading">Loading events…</p>}
      {list.status === 'ready' && list.items.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">No events</p>
          <p>
            {Object.keys(filters).length > 0
              ? 'Nothing matches these filters.'
              : 'Events appear here as apps and admins use the MFA server.'}
          </p>
        </div>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
                <th scope="col">Actor</th>
                <th scope="col">Client</th>
                <th scope="col">User</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <td>{formatTime(item.at)}</td>
                  <th scope="row" className="mono">
                    {item.event}
                  </th>
                  <td className={item.outcome === 'failure' ? 'admin-failure' : undefined}>
                    {item.outcome}
                  </td>
                  <td className="mono">{item.actor}</td>
                  <td>{nameOf(item.clientId)}</td>
                  <td className="mono">{item.userId ?? '—'}</td>
                  <td>{detailText(item.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} what="events" />
    </section>
  );
}
