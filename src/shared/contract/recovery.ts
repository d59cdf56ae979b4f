import { z } from 'zod';

const accountId = z.string().min(1).max(64);

export const recoveryCodeStateSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  /** ISO time the person marked it used; null while still usable. */
  usedAt: z.string().nullable(),
});

export const recoverySummarySchema = z.object({
  accountId: z.string(),
  total: z.number().int(),
  left: z.number().int(),
  codes: z.array(recoveryCodeStateSchema),
});
export type RecoverySummary = z.infer<typeof recoverySummarySchema>;

/** Recovery codes per account: sealed with the vault key, shown only by `recovery.reveal`. */
export const recoveryChannels = {
  'recovery.summary': { input: z.object({ accountId }), output: recoverySummarySchema },
  /** Replaces the account's codes with those in `text` (any common layout). */
  'recovery.save': {
    input: z.object({ accountId, text: z.string().max(20_000, 'That is too much text.') }),
    output: recoverySummarySchema,
  },
  'recovery.reveal': {
    input: z.object({ accountId }),
    output: z.object({
      codes: z.array(recoveryCodeStateSchema.extend({ code: z.string() })),
    }),
  },
  /** Marks one code used, once: a second call answers ALREADY_USED. */
  'recovery.markUsed': {
    input: z.object({ id: z.string().min(1).max(64) }),
    output: recoverySummarySchema,
  },
  /** Which account a code belongs to (case, spaces and dashes ignored). */
  'recovery.find': {
    input: z.object({ code: z.string().max(200) }),
    output: z.object({
      match: z
        .object({ accountId: z.string(), codeId: z.string(), usedAt: z.string().nullable() })
        .nullable(),
    }),
  },
} as const;
