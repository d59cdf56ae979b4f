import type { AccountInput, Algorithm, OtpType } from '../../../shared/account';
import type { FieldIssue } from '../../../shared/errors';
import { TesseraError } from '../../../shared/errors';
import { isWeakSecret, normalizeBase32Secret } from '../../../shared/secret';

export interface AccountForm {
  uri: string;
  issuer: string;
  name: string;
  secret: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: string;
  period: string;
  counter: string;
}

export type FieldName = keyof AccountForm;
/** `form` holds a problem that belongs to no single field. */
export type ErrorSlot = FieldName | 'form';
export type FieldErrors = Partial<Record<ErrorSlot, string>>;

export const ADVANCED_FIELDS: readonly FieldName[] = [
  'type',
  'algorithm',
  'digits',
  'period',
  'counter',
];

export const EMPTY_FORM: AccountForm = {
  uri: '',
  issuer: '',
  name: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

const FORM_FIELDS = new Set<string>(Object.keys(EMPTY_FORM));

function wholeNumber(value: string): number | undefined {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/** Checks what only the form can know (numbers typed as text) before asking main. */
export function localErrors(form: AccountForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.type !== 'hotp' && wholeNumber(form.period) === undefined)
    errors.period = 'Period must be a whole number of seconds.';
  if (form.type === 'hotp' && wholeNumber(form.counter) === undefined)
    errors.counter = 'Counter must be a whole number (0 or more).';
  return errors;
}

/** The form as contract input: only what applies to the chosen type, so main's defaults hold. */
export function toAccountInput(form: AccountForm): AccountInput {
  return {
    issuer: form.issuer,
    name: form.name,
    secret: form.secret,
    type: form.type,
    algorithm: form.algorithm,
    ...(form.type === 'steam' ? {} : { digits: Number(form.digits) }),
    ...(form.type === 'hotp'
      ? { counter: wholeNumber(form.counter) }
      : { period: wholeNumber(form.period) }),
  };
}

/**
 * Maps main's field-level issues onto the form. With `form` as fallback, issues land on their own
 * fields and the rest on the form; with a field (the link was in it), everything lands there.
 */
export function fieldErrorsFrom(error: unknown, fallback: ErrorSlot): FieldErrors {
  if (!(error instanceof TesseraError))
    return { [fallback]: 'Tessera could not add the account. Try again.' };
  const errors: FieldErrors = {};
  const issues: FieldIssue[] = error.fields?.length
    ? error.fields
    : [{ path: [], message: error.message }];
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    const field: ErrorSlot =
      fallback !== 'form' || !FORM_FIELDS.has(key) ? fallback : (key as FieldName);
    errors[field] ??= issue.message;
  }
  return errors;
}

export type SecretCheck =
  { kind: 'empty' } | { kind: 'invalid'; message: string } | { kind: 'ok'; weak: boolean };

/** Instant feedback while typing, with the same rules main applies. */
export function checkSecret(secret: string): SecretCheck {
  if (secret.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'ok', weak: isWeakSecret(normalizeBase32Secret(secret)) };
  } catch (error) {
    return {
      kind: 'invalid',
      message: error instanceof Error ? error.message : 'The secret key is not valid.',
    };
  }
}

export const WEAK_SECRET_WARNING =
  'Weak secret: this key is shorter than 128 bits. Tessera will still add it, but ask the service for a longer key if you can.';
