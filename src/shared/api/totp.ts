import { z } from 'zod';
import { hasControlCharacters } from './users';

const shortLabel = (what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty.`)
    .max(100, `${what} must be at most 100 characters.`)
    .refine((v) => !hasControlCharacters(v), `${what} must not contain control characters.`);

export const enrollBodySchema = z
  .strictObject({ issuer: shortLabel('issuer').optional(), label: shortLabel('label').optional() })
  .meta({ id: 'EnrollBody' });

export const enrollQuerySchema = z.strictObject({
  qr: z.enum(['png', 'none'], 'qr must be "png" or "none".').optional(),
});

export const enrollmentSchema = z
  .object({
    enrollmentId: z.string(),
    secret: z.string().describe('Base32; shown once, for manual entry.'),
    otpauthUri: z.string(),
    qrCodePng: z.string().optional().describe('data:image/png;base64,... (omitted with ?qr=none)'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Enrollment' });

/** A code as typed: digits of a TOTP code or a backup code, spaces and dashes tolerated. */
export const codeSchema = z
  .string('code must be a string.')
  .min(1, 'code must not be empty.')
  .max(64, 'code must be at most 64 characters.');

export const confirmBodySchema = z
  .strictObject({ enrollmentId: z.string().min(1).max(64), code: codeSchema })
  .meta({ id: 'ConfirmBody' });

export const backupCodesSchema = z
  .object({
    backupCodes: z.array(z.string()).describe('Shown only this once; stored only as keyed hashes.'),
  })
  .meta({ id: 'BackupCodes' });

export const confirmResultSchema = z
  .object({ status: z.literal('enrolled'), backupCodes: z.array(z.string()) })
  .meta({ id: 'ConfirmResult' });

export const codeBodySchema = z.strictObject({ code: codeSchema }).meta({ id: 'CodeBody' });

export const verifyResultSchema = z
  .object({
    valid: z.literal(true),
    required: z.boolean().describe('false when the client policy is OFF: no code was checked.'),
    method: z.enum(['totp', 'backup_code', 'none']),
    backupCodesRemaining: z.number().int(),
  })
  .meta({ id: 'VerifyResult' });
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const mfaRemovedSchema = z.object({ status: z.literal('none') }).meta({ id: 'MfaRemoved' });
