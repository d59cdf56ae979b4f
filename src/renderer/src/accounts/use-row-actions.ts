import { useEffect, useMemo, useRef, useState } from 'react';
import { call, copyFailure, copyText } from '../bridge/bridge';
import { useCodeStore } from '../codes/code-context';
import type { OpenDialog } from '../dialogs/account-dialogs';
import { useToast } from '../ui/toast';
import { accountLabel } from '../vault/account-label';
import { asTesseraError, useVault } from '../vault/vault-context';
import type { RowActions } from './row-actions';

/** The clipboard is cleared this long after a copy, if it still holds the code. */
export const CLIPBOARD_CLEAR_MS = 30_000;
const COPIED_FLASH_MS = 1500;

/**
 * Row actions as one stable object, so memoised rows do not re-render when the shell does.
 * The latest vault and callbacks are read through a ref.
 */
export function useRowActions(openDialog: (dialog: OpenDialog) => void): {
  actions: RowActions;
  copiedId: string | null;
} {
  const vault = useVault();
  const store = useCodeStore();
  const notify = useToast();
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const latest = useRef({ vault, notify, openDialog });
  useEffect(() => {
    latest.current = { vault, notify, openDialog };
  });

  useEffect(() => {
    if (copiedId === null) return;
    const timer = setTimeout(() => setCopiedId(null), COPIED_FLASH_MS);
    return () => clearTimeout(timer);
  }, [copiedId]);

  const actions = useMemo<RowActions>(
    () => ({
      copy(account, code) {
        copyText(code, CLIPBOARD_CLEAR_MS).then(
          () => {
            setCopiedId(account.id);
            // For the "last used" sort; a failure here costs only that, so it is not reported.
            latest.current.vault.markUsed(account.id).catch(() => undefined);
            latest.current.notify(
              `Copied code for ${accountLabel(account)}. The clipboard clears in 30 seconds.`,
              'success',
            );
          },
          (error: unknown) => latest.current.notify(copyFailure(error), 'error'),
        );
      },
      edit: (account) => latest.current.openDialog({ kind: 'edit', account }),
      toggleFavourite(account) {
        latest.current.vault.setFavourite(account.id, !account.favourite).then(
          (view) =>
            latest.current.notify(
              `${view.favourite ? 'Pinned' : 'Unpinned'} ${accountLabel(view)}.`,
              'success',
            ),
          (error: unknown) => latest.current.notify(asTesseraError(error).message, 'error'),
        );
      },
      remove: (account) => latest.current.openDialog({ kind: 'delete', account }),
      async hotpNext(account) {
        try {
          store.set(await call('vault.hotpNext', { id: account.id }));
          latest.current.vault.counterAdvanced(account.id);
        } catch (error) {
          latest.current.notify(asTesseraError(error).message, 'error');
        }
      },
    }),
    [store],
  );
  return { actions, copiedId };
}
