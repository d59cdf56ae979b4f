import { z } from 'zod';
import { algorithmSchema, otpTypeSchema } from '../account';

/** ~11 MiB of file as base64; browser mode's RPC body limit is sized to carry it. */
export const MAX_IMPORT_FILE_BASE64 = 15 * 1024 * 1024;

const pendingId = z.string().min(1).max(64);
const password = z.string().max(1024);

/** One entry of a preview: what the person needs to recognise it, never the secret. */
export const importEntryViewSchema = z.object({
  index: z.number().int(),
  label: z.string(),
  issuer: z.string(),
  name: z.string(),
  type: otpTypeSchema.optional(),
  algorithm: algorithmSchema.optional(),
  digits: z.number().int().optional(),
  period: z.number().int().optional(),
  counter: z.number().int().optional(),
  status: z.enum(['new', 'repeat', 'duplicate', 'skipped']),
  /**
   * Why it is a repeat of an earlier entry (imported unless left out), a duplicate of an account
   * in the vault, or cannot be imported.
   */
  reason: z.string().optional(),
});
export type ImportEntryView = z.infer<typeof importEntryViewSchema>;

/** A multi-part export (Google Authenticator): which of its batches have been read so far. */
export const importBatchSchema = z.object({
  id: z.number().int().optional(),
  size: z.number().int(),
  received: z.array(z.number().int()),
});

export const importPreviewSchema = z.object({
  id: pendingId,
  format: z.string(),
  entries: z.array(importEntryViewSchema),
  batches: z.array(importBatchSchema),
  expiresAt: z.number(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importSummarySchema = z.object({
  format: z.string(),
  imported: z.number().int(),
  skipped: z.array(z.object({ label: z.string(), reason: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

const importOnlyChannels = {
  /** A file's bytes: detected by content, parsed in main and held there until confirmed. */
  'import.previewFile': {
    input: z.object({
      fileName: z.string().max(255).optional(),
      dataBase64: z.string().max(MAX_IMPORT_FILE_BASE64, 'The file is too large to import.'),
      password: password.optional(),
      appendTo: pendingId.optional(),
      /** The app picked in "Import from…": its formats are tried first, even without a mark. */
      format: z.string().max(64).optional(),
      /** Chosen by the caller so that `import.cancelParse` can stop this parse. */
      parseId: pendingId.optional(),
    }),
    output: importPreviewSchema,
  },
  /** Stops a file being read (the parse then fails with IMPORT_CANCELLED). */
  'import.cancelParse': {
    input: z.object({ parseId: pendingId }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** QR payloads decoded in the renderer's worker, or otpauth text that was pasted. */
  'import.previewTexts': {
    input: z.object({
      texts: z.array(z.string().max(16_384)).min(0).max(256),
      appendTo: pendingId.optional(),
    }),
    output: importPreviewSchema,
  },
  /** Writes the chosen entries all-or-nothing. Duplicates are left out unless included. */
  'import.confirm': {
    input: z.object({
      id: pendingId,
      exclude: z.array(z.number().int().min(0)).max(100_000).default([]),
      includeDuplicates: z.boolean().default(false),
    }),
    output: importSummarySchema,
  },
  'import.cancel': {
    input: z.object({ id: pendingId }),
    output: z.object({ cancelled: z.literal(true) }),
  },
} as const;

const exportChannels = {
  /** The whole vault as an encrypted `.tessera` backup (bytes as base64). */
  'export.backup': {
    input: z.object({ password: password.min(8, 'Use at least 8 characters.') }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
  /** Every secret in plain text: the renderer must have shown a warning and got consent. */
  'export.uris': {
    input: z.object({ acknowledgedPlaintext: z.literal(true) }),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  /** One account's otpauth link and its QR (SVG), after an explicit reveal. */
  'export.accountQr': {
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ uri: z.string(), svg: z.string() }),
  },
} as const;

/** Import, export and per-account QR: one spread in the contract map. */
export const importChannels = { ...importOnlyChannels, ...exportChannels } as const;
