import { z } from 'zod';
import { TesseraError } from '../errors';

/** The longest a copied value may stay on the clipboard. */
export const MAX_CLIPBOARD_CLEAR_MS = 5 * 60 * 1000;

/** A code, an API key or a backup code: short, printable, one line. Nothing else is copied. */
const copiedValue = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/);

/**
 * The clipboard bridge's one request: a code, or a list of them (backup codes, one per line),
 * and when to clear it. Main (Electron) and the page (browser mode) both check it.
 */
export const clipboardRequestSchema = z.object({
  values: z.array(copiedValue).min(1).max(32),
  clearAfterMs: z.number().int().min(1000).max(MAX_CLIPBOARD_CLEAR_MS),
});
export type ClipboardRequest = z.infer<typeof clipboardRequestSchema>;

/** The request checked, or CLIPBOARD_REFUSED saying why nothing was copied. */
export function checkClipboardRequest(request: unknown): ClipboardRequest {
  const parsed = clipboardRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw new TesseraError(
    'CLIPBOARD_REFUSED',
    'Tessera copies only codes, keys and backup codes (up to 32 of them); nothing was copied.',
  );
}

/** What goes on the clipboard: the values one per line. */
export const clipboardText = (request: ClipboardRequest): string => request.values.join('\n');
