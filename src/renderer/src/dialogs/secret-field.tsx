import { Field } from '../ui/field';
import { checkSecret, WEAK_SECRET_WARNING } from './account-form-state';

const BAD_CHARACTER = /[^A-Za-z2-7\s=-]/;
export const OTPAUTH_LINK = /^\s*otpauth:\/\//i;

interface SecretFieldProps {
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  /** A problem worth showing while the person is still typing. */
  onInstantError(message: string): void;
}

/** The base32 secret, with the weak-key warning and instant feedback on impossible characters. */
export function SecretField({ value, error, onChange, onInstantError }: SecretFieldProps) {
  const secret = checkSecret(value);
  const weak = secret.kind === 'ok' && secret.weak;
  return (
    <Field
      label="Secret"
      error={error}
      hint={weak ? WEAK_SECRET_WARNING : undefined}
      hintTone="warning"
    >
      {(c) => (
        <input
          {...c}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          placeholder="JBSW Y3DP EHPK 3PXP"
          value={value}
          onChange={(e) => {
            const typed = e.target.value;
            onChange(typed);
            // A wrong character is wrong at once; a wrong length may just be unfinished typing.
            // (A pasted otpauth:// link is fine: it is added as a link.)
            const check = checkSecret(typed);
            if (
              check.kind === 'invalid' &&
              BAD_CHARACTER.test(typed) &&
              !OTPAUTH_LINK.test(typed)
            ) {
              onInstantError(check.message);
            }
          }}
        />
      )}
    </Field>
  );
}
