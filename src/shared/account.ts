import { z } from 'zod';
import { organisationSchema } from './organisation';

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export const STEAM_DIGITS = 5;

export const otpTypeSchema = z.enum(OTP_TYPES);
export const algorithmSchema = z.enum(ALGORITHMS);
export type OtpType = z.infer<typeof otpTypeSchema>;
export type Algorithm = z.infer<typeof algorithmSchema>;

const label = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters.`)
    .refine(
      (v) => ![...v].some((c) => c.charCodeAt(0) < 0x20),
      `${what} must not contain control characters.`,
    );

/** Everything that defines how a code is computed, apart from the secret. */
export const otpParamsSchema = z
  .object({
    type: otpTypeSchema.default('totp'),
    algorithm: algorithmSchema.default('SHA1'),
    digits: z.number().int().min(5).max(8).default(6),
    period: z.number().int().min(1, 'Period must be at least 1 second.').max(86_400).default(30),
    counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'steam' && p.digits !== STEAM_DIGITS) {
      ctx.addIssue({ code: 'custom', path: ['digits'], message: 'Steam codes have 5 characters.' });
    }
    if (p.type !== 'steam' && p.digits < 6) {
      ctx.addIssue({ code: 'custom', path: ['digits'], message: 'Digits must be 6, 7 or 8.' });
    }
  });
export type OtpParams = z.infer<typeof otpParamsSchema>;

export const issuerSchema = label('Issuer', 200);
export const accountNameSchema = label('Account name', 200);

/** What a person (or an importer) supplies to create an account. The secret is raw input. */
export const accountInputSchema = z.object({
  issuer: issuerSchema.default(''),
  name: accountNameSchema,
  secret: z.string().max(1024, 'The secret key is too long.'),
  type: otpTypeSchema.optional(),
  algorithm: algorithmSchema.optional(),
  digits: z.number().int().optional(),
  period: z.number().int().optional(),
  counter: z.number().int().optional(),
});
export type AccountInput = z.input<typeof accountInputSchema>;

/** A fully-resolved account ready to store: secret is normalised base32. */
export interface AccountDraft extends OtpParams {
  issuer: string;
  name: string;
  secret: string;
}

/** What the renderer is allowed to see of an account: everything but the secret. */
export const accountViewSchema = z.object({
  id: z.string(),
  issuer: z.string(),
  name: z.string(),
  type: otpTypeSchema,
  algorithm: algorithmSchema,
  digits: z.number().int(),
  period: z.number().int(),
  counter: z.number().int(),
  position: z.number().int(),
  weakSecret: z.boolean(),
  createdAt: z.string(),
  ...organisationSchema.shape,
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Current and next code of one account; `validUntil` is the epoch ms when `current` expires. */
export const accountCodeSchema = z.object({
  id: z.string(),
  current: z.string(),
  next: z.string(),
  validFrom: z.number(),
  validUntil: z.number(),
});
export type AccountCode = z.infer<typeof accountCodeSchema>;
