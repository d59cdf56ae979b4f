import type { Dispatch, SetStateAction } from 'react';
import type { AccountView } from '../../../shared/account';
import { call } from '../bridge/bridge';

/** Organising calls; each keeps the renderer's copy of the accounts in step with main. */
export interface OrganiseActions {
  setFavourite(id: string, favourite: boolean): Promise<AccountView>;
  setIcon(id: string, dataBase64: string): Promise<AccountView>;
  clearIcon(id: string): Promise<AccountView>;
  /** Manual order: puts `id` just before or after `anchorId`. */
  move(id: string, anchorId: string, place: 'before' | 'after'): Promise<void>;
  /** A code was copied: remembered for the "last used" sort. */
  markUsed(id: string): Promise<void>;
}

type SetAccounts = Dispatch<SetStateAction<AccountView[]>>;

export function organiseActions(setAccounts: SetAccounts): OrganiseActions {
  const replace = (view: AccountView) => {
    setAccounts((list) => list.map((a) => (a.id === view.id ? view : a)));
    return view;
  };
  return {
    setFavourite: async (id, favourite) =>
      replace(await call('vault.setFavourite', { id, favourite })),
    setIcon: async (id, dataBase64) => replace(await call('vault.setIcon', { id, dataBase64 })),
    clearIcon: async (id) => replace(await call('vault.clearIcon', { id })),
    async move(id, anchorId, place) {
      const { order } = await call('vault.move', { id, anchorId, place });
      const positions = new Map(order.map((other, position) => [other, position]));
      // Only the rows whose position changed get a new object (the others' rows stay memoised).
      setAccounts((list) =>
        list.map((a) => {
          const position = positions.get(a.id);
          return position === undefined || position === a.position ? a : { ...a, position };
        }),
      );
    },
    async markUsed(id) {
      const { lastUsedAt } = await call('vault.markUsed', { id });
      setAccounts((list) => list.map((a) => (a.id === id ? { ...a, lastUsedAt } : a)));
    },
  };
}
