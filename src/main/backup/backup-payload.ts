import { z } from 'zod';
import {
  accountNameSchema,
  algorithmSchema,
  issuerSchema,
  otpTypeSchema,
} from '../../shared/account';
import { MAX_NOTE_LENGTH, MAX_STORED_ICON_CHARS } from '../../shared/organisation';
import { MAX_RECOVERY_CODES } from '../../shared/recovery-codes';

/**
 * The encrypted part: everything the vault holds. Later features add optional sections here
 * (and bump `version` only for changes an older reader would get wrong).
 * 2: recovery codes per account (an older reader would drop them silently) and the organisation
 * (favourite, tags, note, last use, custom icon), all optional fields, so a version 1 payload reads
 * as accounts with none; the order was always `position`. Version 1 still reads.
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
  favourite: z.boolean().optional(),
  // Lenient here (an old or hand-made backup still restores); made to fit the rules on import.
  tags: z.array(z.string().max(1000)).max(1000).optional(),
  note: z
    .string()
    .max(MAX_NOTE_LENGTH * 2)
    .optional(),
  lastUsedAt: z.string().max(64).nullable().optional(),
  customIcon: z.string().max(MAX_STORED_ICON_CHARS).nullable().optional(),
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
