import type { AccountView } from '../../../shared/account';

/** "GitHub (alice@example.com)": the one name every control of a row is announced with. */
export function accountLabel(account: Pick<AccountView, 'issuer' | 'name'>): string {
  if (account.issuer && account.name) return `${account.issuer} (${account.name})`;
  return account.issuer || account.name;
}

export function matchesQuery(
  account: Pick<AccountView, 'issuer' | 'name'>,
  query: string,
): boolean {
  if (query === '') return true;
  return `${account.issuer}\u0000${account.name}`.toLowerCase().includes(query);
}

export function filterAccounts<T extends Pick<AccountView, 'issuer' | 'name'>>(
  accounts: T[],
  query: string,
): T[] {
  const needle = query.trim().toLowerCase();
  return needle === '' ? accounts : accounts.filter((a) => matchesQuery(a, needle));
}
