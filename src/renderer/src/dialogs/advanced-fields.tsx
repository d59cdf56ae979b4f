import { ALGORITHMS, type Algorithm, type OtpType } from '../../../shared/account';
import { Field } from '../ui/field';
import type { AccountForm, FieldErrors } from './account-form-state';

interface AdvancedFieldsProps {
  form: AccountForm;
  errors: FieldErrors;
  set<K extends keyof AccountForm>(key: K, value: AccountForm[K]): void;
}

const TYPES: { value: OtpType; label: string }[] = [
  { value: 'totp', label: 'TOTP' },
  { value: 'hotp', label: 'HOTP' },
  { value: 'steam', label: 'Steam' },
];

/** Type, algorithm, digits, period and counter: rarely changed, so behind a disclosure. */
export function AdvancedFields({ form, errors, set }: AdvancedFieldsProps) {
  return (
    <div className="advanced-grid">
      <Field label="Type" error={errors.type}>
        {(control) => (
          <select
            {...control}
            value={form.type}
            onChange={(e) => set('type', e.target.value as OtpType)}
          >
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Algorithm" error={errors.algorithm}>
        {(control) => (
          <select
            {...control}
            value={form.algorithm}
            onChange={(e) => set('algorithm', e.target.value as Algorithm)}
          >
            {ALGORITHMS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Digits"
        error={errors.digits}
        hint={form.type === 'steam' ? 'Steam codes have 5 characters.' : undefined}
      >
        {(control) => (
          <select
            {...control}
            value={form.type === 'steam' ? '5' : form.digits}
            disabled={form.type === 'steam'}
            onChange={(e) => set('digits', e.target.value)}
          >
            {form.type === 'steam' && <option value="5">5</option>}
            <option value="6">6</option>
            <option value="7">7</option>
            <option value="8">8</option>
          </select>
        )}
      </Field>
      <Field label="Period" error={errors.period} hint="Seconds (TOTP)">
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={86400}
            inputMode="numeric"
            value={form.period}
            onChange={(e) => set('period', e.target.value)}
          />
        )}
      </Field>
      <Field label="Counter" error={errors.counter} hint="HOTP only">
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            inputMode="numeric"
            value={form.counter}
            onChange={(e) => set('counter', e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
