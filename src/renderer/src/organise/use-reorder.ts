import { useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView } from '../../../shared/account';
import type { SortMode } from '../../../shared/organisation';
import { useToast } from '../ui/toast';
import { accountLabel } from '../vault/account-label';
import { asTesseraError, useVault } from '../vault/vault-context';

export interface Reorder {
  /** Manual order is shown, so rows can be moved. */
  enabled: boolean;
  /**
   * Moves the row at `from` to the place of the row at `to` (before it when moving up, after it
   * when moving down). Resolves true when it moved; the outcome is announced either way.
   */
  moveNextTo(from: number, to: number): Promise<boolean>;
}

/**
 * Manual reordering of the shown list, by keyboard or drag. Favourites stay pinned above the rest,
 * so a row moves only within its own group. Each outcome is put in `announcement` for a live region.
 */
export function useReorder(
  visible: AccountView[],
  sort: SortMode,
): { reorder: Reorder; announcement: string } {
  const vault = useVault();
  const notify = useToast();
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef({ visible, vault, notify });
  useEffect(() => {
    latest.current = { visible, vault, notify };
  });
  const enabled = sort === 'manual';

  const reorder = useMemo<Reorder>(
    () => ({
      enabled,
      async moveNextTo(from, to) {
        const { visible: list, vault: v, notify: say } = latest.current;
        const account = list[from];
        if (!account) return false;
        const label = accountLabel(account);
        if (!enabled) {
          setAnnouncement('Choose "Manual order" in Sort to reorder accounts.');
          return false;
        }
        const anchor = list[to];
        if (!anchor || anchor.favourite !== account.favourite) {
          const group = account.favourite ? ' among the favourites' : '';
          setAnnouncement(`${label} is already ${to < from ? 'first' : 'last'}${group}.`);
          return false;
        }
        try {
          await v.move(account.id, anchor.id, to < from ? 'before' : 'after');
        } catch (error) {
          say(asTesseraError(error).message, 'error');
          return false;
        }
        setAnnouncement(`Moved ${label} to position ${to + 1} of ${list.length}.`);
        return true;
      },
    }),
    [enabled],
  );
  return { reorder, announcement };
}
