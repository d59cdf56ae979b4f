import { useEffect, useMemo, useState } from 'react';
import type { AccountView } from '../../../shared/account';
import { orderAccounts } from '../../../shared/order-accounts';
import { uniqueTags, type SortMode } from '../../../shared/organisation';
import { call } from '../bridge/bridge';
import { filterAccounts } from '../vault/account-label';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const sameTag = (a: string, b: string) => collator.compare(a, b) === 0;

export interface ListView {
  visible: AccountView[];
  /** Every tag in the vault, for the filter chips. */
  tags: string[];
  tag: string | null;
  setTag(tag: string | null): void;
  sort: SortMode;
  setSort(sort: SortMode): void;
}

/** What the list shows: search, then the tag filter, then the sort (favourites pinned on top). */
export function useListView(accounts: AccountView[], query: string): ListView {
  const [sort, setSortState] = useState<SortMode>('manual');
  const [chosenTag, setTag] = useState<string | null>(null);

  useEffect(() => {
    // The saved sort; until it arrives (or if the vault cannot open yet) the manual order shows.
    call('vault.getSort', {}).then(
      ({ sort: saved }) => setSortState(saved),
      () => undefined,
    );
  }, []);

  const tags = useMemo(
    () => uniqueTags(accounts.flatMap((a) => a.tags)).sort(collator.compare),
    [accounts],
  );
  // A tag that no account has any more is no filter.
  const tag = chosenTag && tags.find((t) => sameTag(t, chosenTag)) ? chosenTag : null;
  const visible = useMemo(() => {
    const found = filterAccounts(accounts, query);
    const tagged = tag ? found.filter((a) => a.tags.some((t) => sameTag(t, tag))) : found;
    return orderAccounts(tagged, sort);
  }, [accounts, query, tag, sort]);

  return {
    visible,
    tags,
    tag,
    setTag,
    sort,
    setSort(next) {
      setSortState(next);
      void call('vault.setSort', { sort: next }).catch(() => undefined);
    },
  };
}
