import { useId, useState } from 'react';

interface PasswordStepProps {
  fileName: string;
  /** The app picked under "Import from…", so the prompt can say whose password this is. */
  appName?: string;
  onSubmit(password: string): void;
  onCancel(): void;
}

/** An encrypted backup or export: its password, asked for only when the file needs one. */
export function PasswordStep({ fileName, appName, onSubmit, onCancel }: PasswordStepProps) {
  const [password, setPassword] = useState('');
  const id = useId();
  const hintId = useId();
  return (
    <form
      className="password-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (password !== '') onSubmit(password);
      }}
    >
      <p className="hint" id={hintId}>
        “{fileName}” is encrypted.{' '}
        {appName
          ? `Enter the password you chose when exporting it from ${appName}.`
          : 'Enter the password it was exported with.'}
      </p>
      <label htmlFor={id}>File password</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        autoFocus
        aria-describedby={hintId}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="modal-footer">
        <button type="button" className="button" onClick={onCancel}>
          Back
        </button>
        <button type="submit" className="button button-primary" disabled={password === ''}>
          Open
        </button>
      </div>
    </form>
  );
}
