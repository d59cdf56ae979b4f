import { useEffect, useState } from 'react';
import { call } from './bridge/bridge';

export function App() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void call('vault.list', {}).then((accounts) => setCount(accounts.length));
  }, []);
  return (
    <main>
      <h1>Tessera</h1>
      <p>{count === null ? 'Loading…' : `${count} accounts`}</p>
    </main>
  );
}
