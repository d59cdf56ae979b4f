import { useMemo } from 'react';
import { parseOtpauthUriInput } from '../../../shared/otpauth-uri';
import { Field } from '../ui/field';
import { accountLabel } from '../vault/account-label';
import { checkSecret, WEAK_SECRET_WARNING } from './account-form-state';

interface UriFieldProps {
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}

/** Reads the pasted link locally only to preview it; main parses it again when adding. */
function preview(uri: string): { text: string; weak: boolean } | null {
  if (uri.trim() === '') return null;
  try {
    const input = parseOtpauthUriInput(uri);
    const secret = checkSecret(input.secret);
    const kind = input.type === 'hotp' ? 'HOTP' : input.type === 'steam' ? 'Steam' : 'TOTP';
    return {
      text: `Adds ${accountLabel({ issuer: input.issuer ?? '', name: input.name })} · ${kind}`,
      weak: secret.kind === 'ok' && secret.weak,
    };
  } catch {
    return null;
  }
}

export function UriField({ value, error, onChange }: UriFieldProps) {
  const info = useMemo(() => preview(value), [value]);
  const hint = info
    ? info.weak
      ? `${info.text}. ${WEAK_SECRET_WARNING}`
      : info.text
    : 'When a link is given, the fields above are not used.';
  return (
    <Field
      label="otpauth:// link (URI)"
      error={error}
      hint={hint}
      hintTone={info?.weak ? 'warning' : 'muted'}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="otpauth://totp/Issuer:name?secret=…"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
