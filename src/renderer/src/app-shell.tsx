import { useDeferredValue, useState } from 'react';
import type { AccountView } from '../../shared/account';
import { AdminConsole } from './admin/admin-console';
import { APP_SECTIONS, SectionNav, type AppSection } from './admin/section-nav';
import { AccountList } from './accounts/account-list';
import { EmptyState } from './accounts/empty-state';
import { ErrorBanner } from './accounts/error-banner';
import { AddAccountButton } from './toolbar/add-account-button';
import { TransferButtons } from './import/transfer-buttons';
import { SearchBox } from './toolbar/search-box';
import { Toolbar } from './toolbar/toolbar';
import { useAnyDialogOpen } from './ui/dialog-layer';
import { filterAccounts } from './vault/account-label';
import { useVault } from './vault/vault-context';
import { AccountDialogs, type OpenDialog } from './dialogs/account-dialogs';
import { useRowActions } from './accounts/use-row-actions';
import { OrganiseBar } from './organise/organise-bar';
import { useListView } from './organise/use-list-view';
import { useReorder } from './organise/use-reorder';
import { ApiStatusBanner } from './status/api-status-banner';
import { LockButton } from './lock/lock-button';
import { SecurityButton } from './lock/security-button';
import { FindRecoveryCodeButton } from './recovery/find-recovery-code';

/**
 * The window: toolbar, start-up errors, the list (or its empty state) and the dialogs. While a
 * dialog is open the shell is inert and hidden from assistive tech; dialogs render outside it.
 */
export function AppShell() {
  const vault = useVault();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [section, setSection] = useState<AppSection>('vault');
  const dialogOpen = useAnyDialogOpen();
  const deferredQuery = useDeferredValue(query);
  const view = useListView(vault.accounts, deferredQuery);
  const visible = view.visible;
  const { reorder, announcement } = useReorder(visible, view.sort);
  const { actions, copiedId } = useRowActions(setDialog);

  const onAdded = (account: AccountView) => {
    // Make sure the new account is not hidden by the current search or tag filter.
    if (filterAccounts([account], query).length === 0) setQuery('');
    view.setTag(null);
  };

  return (
    <>
      <div className="app" aria-hidden={dialogOpen || undefined} inert={dialogOpen}>
        <Toolbar
          nav={
            <SectionNav
              label="Tessera"
              sections={APP_SECTIONS}
              current={section}
              onChange={setSection}
            />
          }
          search={
            section === 'vault' && (
              <SearchBox
                value={query}
                onChange={setQuery}
                onEnterList={() => setFocusRequest((n) => n + 1)}
              />
            )
          }
          actions={
            section === 'vault' && (
              <>
                {/* Further entry points (e.g. Import) go beside Add account, as more buttons here. */}
                <TransferButtons />
                <AddAccountButton onClick={() => setDialog({ kind: 'add' })} />
              </>
            )
          }
        />
        {section === 'admin' ? (
          <AdminConsole />
        ) : (
          <main className="content">
            {vault.load.status === 'failed' && (
              <ErrorBanner error={vault.load.error} onRetry={() => void vault.reload()} />
            )}
            {vault.load.status === 'loading' && <p className="loading">Opening your vault…</p>}
            {vault.load.status === 'ready' && <ApiStatusBanner />}
            {/* Not role="status": that is the toast's; this only speaks the outcome of a move. */}
            <p className="visually-hidden" aria-live="polite" data-testid="list-announcer">
              {announcement}
            </p>
            {vault.load.status === 'ready' &&
              (visible.length === 0 ? (
                <EmptyState query={deferredQuery} />
              ) : (
                <AccountList
                  accounts={visible}
                  actions={actions}
                  copiedId={copiedId}
                  focusRequest={focusRequest}
                  reorder={reorder}
                />
              ))}
            {/* After the list, so the list stays the next Tab stop after the toolbar. */}
            {vault.load.status === 'ready' && vault.accounts.length > 0 && (
              <OrganiseBar view={view} />
            )}
          </main>
        )}
        {/* After the list in tab order, so the toolbar's path from search to Add stays short. */}
        <footer className="app-footer">
          <div role="group" aria-label="Security and recovery">
            <FindRecoveryCodeButton />
            <SecurityButton />
            <LockButton />
          </div>
        </footer>
      </div>
      <AccountDialogs dialog={dialog} onClose={() => setDialog(null)} onAdded={onAdded} />
    </>
  );
}
