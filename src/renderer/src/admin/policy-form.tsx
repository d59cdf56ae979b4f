import { useState, type FormEvent } from 'react';
import type { ClientView, Policy } from '../../../shared/contract/admin';
import type { PolicyMode } from '../../../shared/api';
import { call } from '../bridge/bridge';
import { Field } from '../ui/field';
import { useToast } from '../ui/toast';
import { asTesseraError } from '../vault/vault-context';
import { useAdminClients } from './clients-context';

type NumberField = 'window' | 'maxFailures' | 'backupCodeCount';
const NUMBER_FIELDS: {
  name: NumberField;
  label: string;
  hint: string;
  min: number;
  max: number;
}[] = [
  {
    name: 'window',
    label: 'Time-step window',
    hint: 'Codes accepted this many 30-second steps either side of now (0–10).',
    min: 0,
    max: 10,
  },
  {
    name: 'maxFailures',
    label: 'Max failures',
    hint: 'Consecutive wrong codes before the user is locked (1–100).',
    min: 1,
    max: 100,
  },
  {
    name: 'backupCodeCount',
    label: 'Backup code count',
    hint: 'Codes in a new set (0–20).',
    min: 0,
    max: 20,
  },
];

/** One client's policy; field errors come from main's validation, addressed by field. */
export function PolicyForm({ client }: { client: ClientView }) {
  const notify = useToast();
  const { reload } = useAdminClients();
  const [mode, setMode] = useState<PolicyMode>(client.policy.mode);
  const [numbers, setNumbers] = useState(() => ({
    window: String(client.policy.window),
    maxFailures: String(client.policy.maxFailures),
    backupCodeCount: String(client.policy.backupCodeCount),
  }));
  const [errors, setErrors] = useState<Partial<Record<NumberField | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = NUMBER_FIELDS.find((f) => !/^\d{1,3}$/.test(numbers[f.name].trim()));
    if (invalid) {
      setErrors({
        [invalid.name]: `${invalid.label} must be a whole number from ${invalid.min} to ${invalid.max}.`,
      });
      return;
    }
    const policy: Policy = {
      mode,
      window: Number(numbers.window),
      maxFailures: Number(numbers.maxFailures),
      backupCodeCount: Number(numbers.backupCodeCount),
    };
    setBusy(true);
    setErrors({});
    try {
      await call('admin.setPolicy', { clientId: client.id, policy });
      await reload();
      notify(`Policy saved for ${client.name}.`, 'success');
    } catch (failure) {
      const error = asTesseraError(failure);
      const next: typeof errors = {};
      for (const field of error.fields ?? []) {
        const name = field.path[1];
        if (name === 'window' || name === 'maxFailures' || name === 'backupCodeCount')
          next[name] ??= field.message;
      }
      setErrors(Object.keys(next).length > 0 ? next : { form: error.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-policy"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={`Policy for ${client.name}`}
    >
      <Field
        label="Mode"
        hint="OFF: no code is checked. OPTIONAL: enrolled users are checked. REQUIRED: every user must enroll."
      >
        {(control) => (
          <select {...control} value={mode} onChange={(e) => setMode(e.target.value as PolicyMode)}>
            <option value="OFF">OFF</option>
            <option value="OPTIONAL">OPTIONAL</option>
            <option value="REQUIRED">REQUIRED</option>
          </select>
        )}
      </Field>
      {NUMBER_FIELDS.map((f) => (
        <Field key={f.name} label={f.label} hint={f.hint} error={errors[f.name]}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={f.min}
              max={f.max}
              value={numbers[f.name]}
              onChange={(e) => setNumbers((n) => ({ ...n, [f.name]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          Save policy
        </button>
      </div>
    </form>
  );
}
