import { z } from 'zod';
import {
  accountNameSchema,
  algorithmSchema,
  issuerSchema,
  otpTypeSchema,
} from '../../shared/account';
import { MAX_RECOVERY_CODES } from '../../shared/recovery-codes';

/**
 * The encrypted part: everything the vault holds. Later features add optional sections here
 * (and bump `version` only for changes an older reader would get wrong).
 * 2: recovery codes per account (an older reader would drop them silently). Version 1 still reads.
 */
export const PAYLOAD_VERSION = 2;

export const backupAccountSchema = z.object({
  issuer: issuerSchema,
  name: accountNameSchema,
  type: otpTypeSchema,
  algorithm: algorithmSchema,
  digits: z.number().int(),
  period: z.number().int(),
  counter: z.number().int(),
  secret: z.string().max(1024),
  position: z.number().int(),
  createdAt: z.string().max(64).optional(),
  recoveryCodes: z
    .array(z.object({ code: z.string().max(64), usedAt: z.string().max(64).nullable() }))
    .max(MAX_RECOVERY_CODES)
    .optional(),
});
export type BackupAccount = z.infer<typeof backupAccountSchema>;

export const backupPayloadSchema = z.object({
  version: z.number().int(),
  exportedAt: z.string(),
  appVersion: z.string().optional(),
  accounts: z.array(backupAccountSchema).max(100_000),
});
export type BackupPayload = z.infer<typeof backupPayloadSchema>;
