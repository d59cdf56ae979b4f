import { useState, type FormEvent } from 'react';
import { Field } from '../ui/field';
import { asTesseraError } from '../vault/vault-context';

export interface PasswordFieldSpec {
  name: 'current' | 'password' | 'confirm';
  label: string;
}

const AUTOCOMPLETE = {
  current: 'current-password',
  password: 'new-password',
  confirm: 'new-password',
};

interface PasswordFormProps {
  title: string;
  fields: PasswordFieldSpec[];
  submitLabel: string;
  danger?: boolean;
  onSubmit(values: Record<PasswordFieldSpec['name'], string>): Promise<void>;
  onDone(): void;
}

/** One password form (set, change or remove): labelled fields, the error announced, then done. */
export function PasswordForm({
  title,
  fields,
  submitLabel,
  danger,
  onSubmit,
  onDone,
}: PasswordFormProps) {
  const [values, setValues] = useState({ current: '', password: '', confirm: '' });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fields.some((f) => f.name === 'confirm') && values.confirm !== values.password) {
      setError({ field: 'confirm', message: 'The two new passwords are not the same.' });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      onDone();
    } catch (failure) {
      const tessera = asTesseraError(failure);
      const field = tessera.code === 'WRONG_PASSWORD' ? 'current' : 'password';
      setError({
        field: fields.some((f) => f.name === field) ? field : fields[0]!.name,
        message: tessera.message,
      });
      setBusy(false);
    }
  };

  return (
    <form
      className="security-form"
      aria-label={title}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3>{title}</h3>
      {fields.map((spec, i) => (
        <Field
          key={spec.name}
          label={spec.label}
          error={error?.field === spec.name ? error.message : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete={AUTOCOMPLETE[spec.name]}
              data-autofocus={i === 0 ? true : undefined}
              value={values[spec.name]}
              onChange={(event) => setValues((v) => ({ ...v, [spec.name]: event.target.value }))}
            />
          )}
        </Field>
      ))}
      <p className="visually-hidden" role="alert">
        {error?.message}
      </p>
      <button
        type="submit"
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy}
      >
        {submitLabel}
      </button>
    </form>
  );
}
