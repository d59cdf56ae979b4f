export interface Searchable {
  issuer: string;
  name: string;
}

/** "GitHub (alice@example.com)", or whichever of the two is set. */
export function labelOf(account: Searchable): string {
  if (account.issuer && account.name) return `${account.issuer} (${account.name})`;
  return account.issuer || account.name;
}

/**
 * The accounts a typed query means, for the CLI and quick search: those whose issuer, name or
 * label contains it (case ignored). When one account is named exactly (issuer, name or label), it
 * alone is the answer, so `github` picks "GitHub" even beside "GitHub Enterprise".
 */
export function searchAccounts<T extends Searchable>(accounts: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...accounts];
  const keys = (a: T) => [a.issuer, a.name, labelOf(a)].map((k) => k.toLowerCase());
  const matches = accounts.filter((a) => keys(a).some((k) => k.includes(needle)));
  const exact = matches.filter((a) => keys(a).includes(needle));
  return exact.length === 1 ? exact : matches;
}
