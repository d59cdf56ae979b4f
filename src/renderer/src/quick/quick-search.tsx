import { useEffect, useId, useMemo, useState } from 'react';
import type { AccountCode, AccountView } from '../../../shared/account';
import { labelOf, searchAccounts } from '../../../shared/account-search';
import { call, copyText } from '../bridge/bridge';
import { codeGroups } from '../codes/format-code';
import { LockProvider } from '../lock/lock-context';
import { CLIPBOARD_CLEAR_MS } from '../accounts/use-row-actions';
import './quick-search.css';

const SHOWN = 8;

function QuickSearchList() {
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [codes, setCodes] = useState(new Map<string, AccountCode>());
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const id = useId();
  const matches = useMemo(() => searchAccounts(accounts, query).slice(0, SHOWN), [accounts, query]);

  useEffect(() => {
    void call('vault.list', {}).then(setAccounts, () => setMessage('The vault could not be read.'));
  }, []);
  useEffect(() => {
    if (matches.length === 0) return;
    void call('vault.codes', { ids: matches.map((a) => a.id) }).then(
      ({ codes: next }) => setCodes(new Map(next.map((c) => [c.id, c]))),
      () => undefined,
    );
  }, [matches]);

  const copy = async (account: AccountView) => {
    const code = codes.get(account.id)?.current;
    if (!code) return;
    await copyText(code, CLIPBOARD_CLEAR_MS);
    setMessage(`Copied the code for ${labelOf(account)}.`);
    setTimeout(() => window.close(), 600);
  };

  return (
    <main
      className="quick-search"
      aria-label="Quick search"
      onKeyDown={(event) => {
        if (event.key === 'Escape') window.close();
      }}
    >
      <label htmlFor={id}>Search accounts</label>
      <input
        id={id}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches[0]) void copy(matches[0]);
        }}
      />
      <ul aria-label="Matching accounts">
        {matches.map((account) => (
          <li key={account.id}>
            <button type="button" onClick={() => void copy(account)}>
              <span>{labelOf(account) || 'Unnamed account'}</span>
              <span className="quick-code">
                {codeGroups(codes.get(account.id)?.current ?? '').join(' ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{message}</p>
    </main>
  );
}

/** The small window the global shortcut opens: type, Enter copies the first match, Escape closes. */
export function QuickSearch() {
  return (
    <LockProvider>
      <QuickSearchList />
    </LockProvider>
  );
}
