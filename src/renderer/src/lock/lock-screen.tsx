import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { asTesseraError } from '../vault/vault-context';
import type { AppLock } from './app-lock';
import './lock.css';

/**
 * The whole window while locked: one labelled password field. A refusal is announced (role
 * alert) and focus stays in the field with its text selected, ready for the next try.
 */
/** Given the lock by its provider (not from the context: the provider renders it). */
export function LockScreen({ lock }: { lock: AppLock }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError('Enter your master password.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await lock.unlock(password);
    } catch (failure) {
      setError(asTesseraError(failure).message);
      setBusy(false);
      input.current?.focus();
      input.current?.select();
    }
  };

  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`}>
      <form className="lock-card" onSubmit={(event) => void submit(event)} noValidate>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1 id={`${id}-title`}>Tessera is locked</h1>
        </div>
        <p className="modal-description">Enter your master password to see your codes.</p>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>Master password</label>
          <input
            ref={input}
            id={id}
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
