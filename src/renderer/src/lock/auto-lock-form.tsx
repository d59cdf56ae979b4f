import { useState, type FormEvent } from 'react';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { asTesseraError } from '../vault/vault-context';
import { useAppLock } from './lock-context';

/** The idle time before Tessera locks by itself, in seconds (0: never). */
export function AutoLockForm() {
  const lock = useAppLock();
  const notify = useToast();
  const [seconds, setSeconds] = useState(String(lock.status.autoLockSeconds));
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(seconds);
    if (!Number.isInteger(value) || value < 0) {
      setError('Enter a whole number of seconds (0 for never).');
      return;
    }
    try {
      await lock.setAutoLock(value);
      setError(undefined);
      notify(
        value === 0 ? 'Auto-lock is off.' : `Tessera locks after ${value} idle seconds.`,
        'success',
      );
    } catch (failure) {
      setError(asTesseraError(failure).message);
    }
  };
  return (
    <form
      className="security-form"
      aria-label="Auto-lock"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3>Auto-lock</h3>
      <Field
        label="Lock after this many idle seconds (0 for never)"
        error={error}
        hint={
          lock.status.protection === 'password'
            ? 'Tessera also locks when the computer locks or sleeps (desktop app).'
            : 'Applies once a master password is set.'
        }
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={seconds}
            onChange={(event) => setSeconds(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button">
        Save auto-lock
      </button>
    </form>
  );
}
