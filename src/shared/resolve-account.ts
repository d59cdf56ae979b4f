import { z } from 'zod';
import {
  STEAM_DIGITS,
  accountInputSchema,
  otpParamsSchema,
  type AccountDraft,
  type AccountInput,
} from './account';
import { TesseraError, type FieldIssue } from './errors';
import { normalizeBase32Secret } from './secret';

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

export interface ResolveOptions {
  /**
   * Imports keep an account exactly as the source app had it, even with neither a name nor an
   * issuer (`otpauth://totp?secret=…`); only a person typing one in is asked for a name.
   */
  allowUnnamed?: boolean;
}

/**
 * Turns raw input (form, URI or importer) into a storable draft, collecting every field problem
 * at once so a form can show them all.
 */
export function resolveAccountInput(
  input: AccountInput,
  options: ResolveOptions = {},
): AccountDraft {
  const parsed = accountInputSchema.safeParse(input);
  const fields: FieldIssue[] = parsed.success ? [] : zodIssues(parsed.error);
  let secret = '';
  try {
    secret = normalizeBase32Secret(typeof input.secret === 'string' ? input.secret : '');
  } catch (error) {
    if (error instanceof TesseraError && error.fields) fields.push(...error.fields);
    else throw error;
  }
  const type = input.type ?? 'totp';
  const params = otpParamsSchema.safeParse({
    type,
    algorithm: input.algorithm,
    digits: input.digits ?? (type === 'steam' ? STEAM_DIGITS : undefined),
    period: input.period,
    counter: input.counter,
  });
  if (!params.success) fields.push(...zodIssues(params.error));
  if (
    !options.allowUnnamed &&
    parsed.success &&
    parsed.data.name === '' &&
    parsed.data.issuer === ''
  ) {
    fields.push({ path: ['name'], message: 'Enter an account name or an issuer.' });
  }
  if (fields.length > 0 || !parsed.success || !params.success) {
    const first = fields.find((f) => f.path[0] !== undefined) ?? fields[0];
    throw new TesseraError(
      'VALIDATION_FAILED',
      first?.message ?? 'The account is not valid.',
      fields,
    );
  }
  return { ...params.data, issuer: parsed.data.issuer, name: parsed.data.name, secret };
}
