import { useId, type ReactElement, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  /** Advice shown under the field (e.g. the weak-secret warning); announced with the field. */
  hint?: ReactNode;
  hintTone?: 'muted' | 'warning';
  /** Renders the control, wired to the label, the error and the hint. */
  children(control: FieldControlProps): ReactElement;
}

/** A labelled control with its error and hint tied to it, so screen readers read all three. */
export function Field({ label, error, hint, hintTone = 'muted', children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className={`field-hint field-hint-${hintTone}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
