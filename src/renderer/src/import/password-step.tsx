import { useId, useState } from 'react';

interface PasswordStepProps {
  fileName: string;
  onSubmit(password: string): void;
  onCancel(): void;
}

/** An encrypted backup or export: its password, asked for only when the file needs one. */
export function PasswordStep({ fileName, onSubmit, onCancel }: PasswordStepProps) {
  const [password, setPassword] = useState('');
  const id = useId();
  return (
    <form
      className="password-step"
      onSubmit={(event) => {
        event.preventDefault();
        if (password !== '') onSubmit(password);
      }}
    >
      <p className="hint">“{fileName}” is encrypted.</p>
      <label htmlFor={id}>File password</label>
      <input id={id} type="password" autoComplete="off" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
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
