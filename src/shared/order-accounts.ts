import type { SortMode } from './organisation';

/** The fields the list order depends on. */
export interface SortableAccount {
  issuer: string;
  name: string;
  position: number;
  createdAt: string;
  favourite: boolean;
  lastUsedAt: string | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byPosition = (a: SortableAccount, b: SortableAccount) =>
  a.position - b.position || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** An empty text sorts after every non-empty one (an account without an issuer goes last). */
const byText = (a: string, b: string) =>
  a === '' || b === '' ? Number(a === '') - Number(b === '') : collator.compare(a, b);

const comparators: Record<SortMode, (a: SortableAccount, b: SortableAccount) => number> = {
  manual: byPosition,
  name: (a, b) =>
    byText(a.name || a.issuer, b.name || b.issuer) ||
    byText(a.issuer, b.issuer) ||
    byPosition(a, b),
  issuer: (a, b) => byText(a.issuer, b.issuer) || byText(a.name, b.name) || byPosition(a, b),
  // Most recently used first; never used after, in manual order.
  lastUsed: (a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') || byPosition(a, b),
};

/** The list order: favourites pinned on top, each group in the chosen sort. */
export function orderAccounts<T extends SortableAccount>(
  accounts: readonly T[],
  sort: SortMode,
): T[] {
  const compare = comparators[sort];
  return [...accounts].sort((a, b) => Number(b.favourite) - Number(a.favourite) || compare(a, b));
}
