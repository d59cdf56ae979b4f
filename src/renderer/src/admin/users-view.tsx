import { useDeferredValue, useState } from 'react';
import type { AdminUser } from '../../../shared/contract/admin';
import { call } from '../bridge/bridge';
import { useToast } from '../ui/toast';
import { asTesseraError } from '../vault/vault-context';
import { AdminError, LoadMore } from './admin-error';
import { ClientFilter, useAdminClients } from './clients-context';
import { usePagedList } from './use-paged-list';
import { UserDialogs, type UserDialog } from './user-dialogs';
import { UserRow, type UserAction } from './user-row';

type Status = '' | 'none' | 'pending' | 'enrolled';
const PAGE_SIZE = 50;
const same = (a: AdminUser) => (b: AdminUser) => a.clientId === b.clientId && a.userId === b.userId;

/** Every client's users, searchable and filtered, with the admin's row actions. */
export function UsersView() {
  const { nameOf } = useAdminClients();
  const notify = useToast();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('');
  const [clientId, setClientId] = useState('');
  const [dialog, setDialog] = useState<UserDialog>(null);
  const query = useDeferredValue(q.trim());
  const filters = {
    ...(query ? { q: query } : {}),
    ...(status ? { status } : {}),
    ...(clientId ? { clientId } : {}),
  };
  const list = usePagedList(JSON.stringify(filters), (cursor) =>
    call('admin.users', { ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
  const shared = new Set(
    list.items
      .filter((u, i, all) => all.findIndex((o) => o.userId === u.userId) !== i)
      .map((u) => u.userId),
  );
  const whoOf = (u: AdminUser) =>
    shared.has(u.userId) ? `${u.userId} (${nameOf(u.clientId)})` : u.userId;

  const unlock = (user: AdminUser) =>
    call('admin.unlock', { clientId: user.clientId, userId: user.userId }).then(
      (next) => {
        list.replace(same(user), next);
        notify(`${whoOf(user)} is unlocked.`, 'success');
      },
      (failure: unknown) => notify(asTesseraError(failure).message, 'error'),
    );
  const onAction = (action: UserAction, user: AdminUser) => {
    if (action === 'unlock') void unlock(user);
    else setDialog({ kind: action, user, who: whoOf(user) });
  };
  const onReset = async (user: AdminUser) => {
    const next = await call('admin.resetMfa', { clientId: user.clientId, userId: user.userId });
    list.replace(same(user), next);
    setDialog(null);
    notify(`MFA was reset for ${whoOf(user)}.`, 'success');
  };
  const onRegenerate = async (user: AdminUser, who: string) => {
    const result = await call('admin.regenerateBackupCodes', {
      clientId: user.clientId,
      userId: user.userId,
    });
    list.replace(same(user), result.user);
    setDialog({ kind: 'codes', who, codes: result.backupCodes });
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <section className="admin-section" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title" tabIndex={-1} data-focus-home>
        Users
      </h2>
      <div className="admin-filters" role="search" aria-label="Filter users">
        <label className="admin-filter admin-filter-grow">
          <span>Search users</span>
          <input
            type="search"
            value={q}
            placeholder="User ID, name or e-mail"
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label className="admin-filter">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="">Any status</option>
            <option value="enrolled">Enrolled</option>
            <option value="pending">Enrollment pending</option>
            <option value="none">Not enrolled</option>
          </select>
        </label>
        <ClientFilter value={clientId} onChange={setClientId} />
      </div>
      {list.error && <AdminError error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && <p className="loading">Loading users…</p>}
      {list.status === 'ready' && list.items.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">
            {filtered ? 'No users match these filters' : 'No users yet'}
          </p>
          <p>
            {filtered
              ? 'Change the search or the filters.'
              : 'Apps add their users through the API (PUT /v1/users/{userId}).'}
          </p>
        </div>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Users of every API client</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Client</th>
                <th scope="col">MFA status</th>
                <th scope="col">Methods</th>
                <th scope="col">Backup codes left</th>
                <th scope="col">Lock</th>
                <th scope="col">Failures</th>
                <th scope="col">Last verified</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((user) => (
                <UserRow
                  key={`${user.clientId}/${user.userId}`}
                  user={user}
                  clientName={nameOf(user.clientId)}
                  who={whoOf(user)}
                  onAction={onAction}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} what="users" />
      <UserDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        onReset={onReset}
        onRegenerate={onRegenerate}
      />
    </section>
  );
}
