import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../shared/account';
import { AccountRow } from './account-row';
import type { RowActions } from './row-actions';
import type { Reorder } from '../organise/use-reorder';
import { dragHandlers } from '../organise/list-drag';

/** Fixed row height: measuring 2,000 rows would cost more than it buys. Keep in step with list.css. */
export const ROW_HEIGHT = 76;
const PAGE = 8;

interface AccountListProps {
  accounts: AccountView[];
  actions: RowActions;
  copiedId: string | null;
  /** Moves focus to a row from outside (ArrowDown in the search box). */
  focusRequest: number;
  /** Manual order: Alt+ArrowUp/Down on a row, or drag and drop. */
  reorder: Reorder;
}

/** The row under a pointer or keyboard event, with its index in the list. */
function rowOf(event: { target: EventTarget }): { row: HTMLElement; index: number } | null {
  const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
  return row ? { row, index: Number(row.dataset.index) } : null;
}

function targetIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + PAGE);
    case 'PageUp':
      return Math.max(0, index - PAGE);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The virtualised account list. Only the rows on screen (plus a few) exist in the DOM, so 2,000
 * accounts cost what 15 do. It is one Tab stop (a roving tabindex): arrows, Page Up/Down, Home and
 * End move between rows; Tab walks the active row's buttons.
 */
export function AccountList({
  accounts,
  actions,
  copiedId,
  focusRequest,
  reorder,
}: AccountListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  // TanStack Virtual is not React Compiler-safe; we do not compile with it, so this is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    getItemKey: (index) => accounts[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(0, accounts.length - 1));
  const rendered = items.some((item) => item.index === activeIndex);
  // If the active row scrolled out of the DOM, the first row on screen keeps the list's Tab stop.
  const tabbableIndex = rendered ? activeIndex : (items[0]?.index ?? 0);

  const focusRow = (index: number) => {
    setActive(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  useEffect(() => {
    if (focusRequest > 0 && accounts.length > 0)
      focusRow(Math.min(activeIndex, accounts.length - 1));
    // Only a new request should move focus, not a changed list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const hit = rowOf(event);
    if (!hit) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      // Only on the row itself: its buttons keep Alt+arrows for assistive tech.
      if (event.target !== hit.row) return;
      event.preventDefault();
      const target = hit.index + (event.key === 'ArrowUp' ? -1 : 1);
      void reorder.moveNextTo(hit.index, target).then((moved) => moved && focusRow(target));
      return;
    }
    const next = targetIndex(event.key, hit.index, accounts.length);
    if (next === null) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div ref={scroller} className="list-scroller">
      <ul
        role="list"
        aria-label="Accounts"
        className="account-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        {...dragHandlers(reorder, rowOf)}
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          if (row) setActive(Number(row.dataset.index));
        }}
      >
        {items.map((item) => {
          const account = accounts[item.index];
          if (!account) return null;
          return (
            <AccountRow
              key={account.id}
              account={account}
              index={item.index}
              setSize={accounts.length}
              tabbable={item.index === tabbableIndex}
              actions={actions}
              start={item.start}
              copied={copiedId === account.id}
              draggable={reorder.enabled}
            />
          );
        })}
      </ul>
    </div>
  );
}
